using System.Globalization;
using System.Linq.Expressions;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Customers;

/// <summary>
/// Reads of the customer list and the customer 360 view. One context per call, set-based SQL.
/// </summary>
/// <remarks>
/// Search finds a part of the source id, the e-mail, the city, or the full name in either order ("Vincent Pauline"
/// finds Pauline Vincent): <c>LIKE '%…%'</c> over those columns (SQL parameters, the user's <c>%</c> and <c>_</c>
/// escaped). A part of a word cannot use an index: it is one pass over the customers table, in SQL, and the paging
/// of a list sorted by an indexed column stops as soon as the page is full. The segment, R×F cell and figures of a
/// row are read at one analysis date (the filter's, or the default one): the segment filter scores the whole base
/// once per analysis date (<see cref="RfmScoreCache"/>) and filters by the resulting id set; the figures of a page
/// are correlated subqueries over the covering index IX_Orders_Customer, for the rows of that page only.
/// </remarks>
public sealed class CustomerQueries(
    IDbContextFactory<InsightDbContext> factory,
    RfmQueries rfm,
    RfmScoreCache scores,
    ConsentQueries consents,
    AppSecrets secrets)
{
    /// <summary>The 360 view lists at most this many orders (the most recent); the total is shown beside.</summary>
    public const int MaxOrders = 500;

    /// <summary>Longest search text considered.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>RFM history of the 360 view: the reference date, then 3, 6 and 12 months earlier.</summary>
    public static IReadOnlyList<int> RfmHistoryMonths { get; } = [0, 3, 6, 12];

    /// <summary>One page of customers, sorted (then by id, so pages never overlap), with their figures and segment at the list's analysis
    /// date.</summary>
    public async Task<IReadOnlyList<CustomerListRow>> ListAsync(
        CustomerFilter filter,
        CustomerSort sort,
        bool descending,
        int skip,
        int take,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(take, 500);
        var date = await ResolveReferenceDateAsync(filter, cancellationToken);
        // No sale at all: nothing is dated before "no date", every figure is empty.
        var end = date ?? DateOnly.MinValue;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        var sales = db.Orders.Where(o => o.Kind == OrderKind.Sale && o.BusinessDate < end);
        var orders = db.Orders.Where(o => o.BusinessDate < end);
        var page = await Sort(query, sales, orders, sort, descending)
            .Skip(skip)
            .Take(take)
            .Select(c => new
            {
                Row = new CustomerListRow(c.Id, c.SourceId, c.FirstName, c.LastName, c.Email, c.City, c.Country, c.ErasedAtUtc != null, 0, 0, null,
                    null),
                Orders = sales.Count(o => o.CustomerId == c.Id),
                NetMilli = orders.Where(o => o.CustomerId == c.Id).Sum(o => o.AmountMilli),
                LastOrder = sales.Where(o => o.CustomerId == c.Id).Max(o => (DateOnly?)o.BusinessDate),
            })
            .ToListAsync(cancellationToken);
        var segments = new Dictionary<int, RfmSegment>();
        if (date is { } at && page.Any(r => r.Orders > 0))
        {
            var ids = page.Select(r => r.Row.Id).ToHashSet();
            foreach (var score in (await scores.GetAsync(at, cancellationToken)).Customers)
            {
                if (ids.Contains(score.CustomerId))
                {
                    segments[score.CustomerId] = score.Segment;
                }
            }
        }
        return page.Select(r => r.Row with
        {
            Orders = r.Orders,
            NetRevenue = Money.FromMilli(r.NetMilli),
            LastOrder = r.LastOrder,
            Segment = segments.TryGetValue(r.Row.Id, out var segment) ? segment : null,
        }).ToArray();
    }

    /// <summary>The analysis date the list reads segments and figures at: the filter's, else the default one (null: no sale at all).</summary>
    public Task<DateOnly?> GetReferenceDateAsync(CustomerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ResolveReferenceDateAsync(filter, cancellationToken);
    }

    /// <summary>How many customers match <paramref name="filter"/>. Meant to be called when the filter changes, not per page.</summary>
    public async Task<int> CountAsync(CustomerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter is { Search: null or "", Country: null, Channel: null, Lapsed: null } && (filter.Segment is not null || filter.HasScoreFilter))
        {
            // Scores alone: the size is already known from the cached scores.
            var date = await ResolveReferenceDateAsync(filter, cancellationToken);
            return date is null ? 0 : (await scores.GetIdsAsync(date.Value, ScorePredicate(filter), cancellationToken)).Length;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await (await FilterAsync(db, filter, cancellationToken)).CountAsync(cancellationToken);
    }

    /// <summary>The countries present, for the filter list (a scan of the Country index, not of the table).</summary>
    public async Task<IReadOnlyList<string>> GetCountriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Country != null && c.Country != "")
            .Select(c => c.Country!)
            .Distinct()
            .OrderBy(c => c)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Everything the 360 page shows of one customer; null when there is no such customer.</summary>
    public async Task<Customer360?> Get360Async(int customerId, CancellationToken cancellationToken = default)
    {
        var secret = await secrets.GetOrCreateAsync(AppSecret.CustomerKey, cancellationToken);
        var keys = new RfmCustomerKeys(secret);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return null;
        }
        var erased = customer.IsErased;
        var profile = erased
            ? new CustomerProfile(customer.Id, keys.For(customer.Id), null, PersonalFields.None with { Country = customer.Country },
                customer.CreatedAtUtc, customer.ErasedAtUtc)
            : new CustomerProfile(customer.Id, keys.For(customer.Id), customer.SourceId, customer.GetPersonalFields(), customer.CreatedAtUtc,
                customer.ErasedAtUtc);

        var orders = db.Orders.AsNoTracking().Where(o => o.CustomerId == customerId);
        var totalOrders = await orders.CountAsync(cancellationToken);
        var lifetimeMilli = await orders.SumAsync(o => o.AmountMilli, cancellationToken);
        var lastSale = await orders.Where(o => o.Kind == OrderKind.Sale).MaxAsync(o => (DateOnly?)o.BusinessDate, cancellationToken);
        var orderRows = await orders
            .OrderByDescending(o => o.BusinessDate).ThenByDescending(o => o.Id)
            .Take(MaxOrders)
            .Select(o => new { o.Id, o.SourceOrderId, o.BusinessDate, o.Channel, o.Kind, o.AmountMilli, Lines = o.Lines.Count })
            .ToListAsync(cancellationToken);
        var surveys = await db.SurveyResponses.AsNoTracking()
            .Where(s => s.CustomerId == customerId)
            .OrderByDescending(s => s.RespondedAtUtc)
            .Select(s => new CustomerSurveyRow(s.BusinessDate, s.Kind, s.Channel, s.RecommendScore, s.SatisfactionScore, erased ? null : s.Comment))
            .ToListAsync(cancellationToken);
        var history = await consents.GetHistoryAsync(customerId, cancellationToken);

        var reference = await rfm.GetDefaultAnalysisDateAsync(cancellationToken);
        var rfmHistory = new List<CustomerRfmAt>();
        if (reference is { } now)
        {
            foreach (var months in RfmHistoryMonths)
            {
                var date = now.AddMonths(-months);
                var result = await scores.GetAsync(date, cancellationToken);
                var score = result.Customers.FirstOrDefault(s => s.CustomerId == customerId);
                rfmHistory.Add(new CustomerRfmAt(months, date, score.Frequency > 0 ? score : null));
            }
        }

        return new Customer360(
            profile,
            erased ? history.Select(h => h with { ProofReference = null }).ToArray() : history,
            orderRows.Select(o => new CustomerOrderRow(o.Id, o.SourceOrderId, o.BusinessDate, o.Channel, o.Kind, Money.FromMilli(o.AmountMilli),
                o.Lines)).ToArray(),
            totalOrders,
            surveys,
            reference,
            rfmHistory,
            lastSale,
            lastSale is { } last && reference is { } at ? WholeMonthsBetween(last, at) : null,
            Money.FromMilli(lifetimeMilli));
    }

    /// <summary>The lines of one order of one customer (loaded when the 360 page expands the order).</summary>
    public async Task<IReadOnlyList<CustomerOrderLineRow>> GetOrderLinesAsync(int customerId, long orderId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var lines = await db.OrderLines.AsNoTracking()
            .Where(l => l.OrderId == orderId && l.Order!.CustomerId == customerId)
            .OrderBy(l => l.Id)
            .Select(l => new { ProductCode = l.Product!.Code, l.Product.Description, l.Quantity, l.UnitPriceMilli, l.AmountMilli })
            .ToListAsync(cancellationToken);
        return lines.Select(l => new CustomerOrderLineRow(l.ProductCode, l.Description, l.Quantity, Money.FromMilli(l.UnitPriceMilli),
            Money.FromMilli(l.AmountMilli))).ToArray();
    }

    /// <summary>Whole calendar months from <paramref name="from"/> to <paramref name="to"/> (a month counts once its day is reached).</summary>
    public static int WholeMonthsBetween(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (to.Day < from.Day && to.Day != DateTime.DaysInMonth(to.Year, to.Month))
        {
            months--;
        }
        return Math.Max(0, months);
    }

    private async Task<DateOnly?> ResolveReferenceDateAsync(CustomerFilter filter, CancellationToken cancellationToken) =>
        filter.ReferenceDate ?? await rfm.GetDefaultAnalysisDateAsync(cancellationToken);

    private async Task<IQueryable<Customer>> FilterAsync(InsightDbContext db, CustomerFilter filter, CancellationToken cancellationToken)
    {
        var query = db.Customers.AsNoTracking();
        if (NormalizeSearch(filter.Search) is { } search)
        {
            query = query.Where(SearchPredicate(search, DatabaseProvider.Of(db.Database).LikeIgnoresAsciiCase));
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.Trim();
            query = query.Where(c => c.Country == country);
        }
        if (filter.Channel is { } channel)
        {
            query = query.Where(c => db.Orders.Any(o => o.CustomerId == c.Id && o.Channel == channel));
        }
        if (filter.NeedsReferenceDate)
        {
            var date = await ResolveReferenceDateAsync(filter, cancellationToken);
            if (date is null)
            {
                return query.Where(c => false);
            }
            if (filter.Segment is not null || filter.HasScoreFilter)
            {
                var ids = await scores.GetIdsAsync(date.Value, ScorePredicate(filter), cancellationToken);
                // One parameter, whatever the size of the segment: never thousands of SQL parameters.
                query = query.Where(c => EF.Parameter(ids).Contains(c.Id));
            }
            if (filter.Lapsed is { } lapsed)
            {
                var end = date.Value;
                var cutoff = end.AddDays(-filter.LapsedAfterDays);
                // Same rule as the KPI "lapsed customers": a sale before the date, none in the last LapsedAfterDays days.
                var sales = db.Orders.Where(o => o.Kind == OrderKind.Sale);
                query = lapsed
                    ? query.Where(c => sales.Any(o => o.CustomerId == c.Id && o.BusinessDate < cutoff)
                        && !sales.Any(o => o.CustomerId == c.Id && o.BusinessDate >= cutoff && o.BusinessDate < end))
                    : query.Where(c => sales.Any(o => o.CustomerId == c.Id && o.BusinessDate >= cutoff && o.BusinessDate < end));
            }
        }
        return query;
    }

    /// <summary>The segment and R×F scores asked for (each one only when set).</summary>
    private static Func<RfmCustomerScore, bool> ScorePredicate(CustomerFilter filter) => c =>
        (filter.Segment is not { } segment || c.Segment == segment)
        && (filter.RecencyScore is not { } r || c.RecencyScore == r)
        && (filter.FrequencyScore is not { } f || c.FrequencyScore == f);

    /// <summary>The search text trimmed, inner runs of spaces made one (names are compared with one space), at most
    /// <see cref="MaxSearchLength"/>.</summary>
    public static string? NormalizeSearch(string? search)
    {
        var words = search?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words is null || words.Length == 0)
        {
            return null;
        }
        var joined = string.Join(' ', words);
        return joined.Length > MaxSearchLength ? joined[..MaxSearchLength] : joined;
    }

    /// <summary>
    /// The case variants tried: as typed, lower, upper, capitalised, minus those that differ from an earlier one only
    /// in ASCII letters (SQL <c>LIKE</c> already ignores that case; it does not fold "É" to "é").
    /// </summary>
    internal static IReadOnlyList<string> CaseVariants(string text)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var capitalised = lower.Length == 0 ? lower : char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
        var variants = new List<string>();
        foreach (var variant in new[] { text, lower, text.ToUpper(CultureInfo.InvariantCulture), capitalised })
        {
            if (!variants.Any(v => AsciiFolded(v) == AsciiFolded(variant)))
            {
                variants.Add(variant);
            }
        }
        return variants;
    }

    private static string AsciiFolded(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsAsciiLetterUpper(source[i]) ? (char)(source[i] | 0x20) : source[i];
        }
    });

    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, its wildcards taken literally (escape
    /// <see cref="LikeEscape"/>).</summary>
    internal static string ContainsPattern(string text) =>
        "%" + text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal)
            .Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal) + "%";

    private const string LikeEscape = "\\";

    /// <param name="likeIgnoresAsciiCase">SQLite's LIKE ignores ASCII case; PostgreSQL's does not, ILIKE does.</param>
    private static Expression<Func<Customer, bool>> SearchPredicate(string search, bool likeIgnoresAsciiCase)
    {
        Expression<Func<Customer, bool>>? any = null;
        foreach (var variant in CaseVariants(search))
        {
            var pattern = ContainsPattern(variant);
            Expression<Func<Customer, bool>> term = likeIgnoresAsciiCase
                ? c => EF.Functions.Like(c.SourceId, pattern, LikeEscape)
                    || EF.Functions.Like(c.Email!, pattern, LikeEscape)
                    || EF.Functions.Like(c.City!, pattern, LikeEscape)
                    || EF.Functions.Like(c.FirstName + " " + c.LastName, pattern, LikeEscape)
                    || EF.Functions.Like(c.LastName + " " + c.FirstName, pattern, LikeEscape)
                : c => EF.Functions.ILike(c.SourceId, pattern, LikeEscape)
                    || EF.Functions.ILike(c.Email!, pattern, LikeEscape)
                    || EF.Functions.ILike(c.City!, pattern, LikeEscape)
                    || EF.Functions.ILike(c.FirstName + " " + c.LastName, pattern, LikeEscape)
                    || EF.Functions.ILike(c.LastName + " " + c.FirstName, pattern, LikeEscape);
            any = any is null ? term : OrElse(any, term);
        }
        return any!;
    }

    private static Expression<Func<Customer, bool>> OrElse(Expression<Func<Customer, bool>> left, Expression<Func<Customer, bool>> right)
    {
        var body = new ParameterSwap(right.Parameters[0], left.Parameters[0]).Visit(right.Body);
        return Expression.Lambda<Func<Customer, bool>>(Expression.OrElse(left.Body, body), left.Parameters);
    }

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static IQueryable<Customer> Sort(IQueryable<Customer> query, IQueryable<Order> sales, IQueryable<Order> orders, CustomerSort sort,
        bool descending) => (sort, descending) switch
    {
        (CustomerSort.SourceId, false) => query.OrderBy(c => c.SourceId),
        (CustomerSort.SourceId, true) => query.OrderByDescending(c => c.SourceId),
        // NULL is the smallest value on both engines, as SQLite orders it (PostgreSQL puts it last ascending).
        (CustomerSort.LastName, false) => query.OrderBy(c => c.LastName != null).ThenBy(c => c.LastName).ThenBy(c => c.Id),
        (CustomerSort.LastName, true) => query.OrderByDescending(c => c.LastName != null).ThenByDescending(c => c.LastName).ThenByDescending(c =>
            c.Id),
        (CustomerSort.Email, false) => query.OrderBy(c => c.Email != null).ThenBy(c => c.Email).ThenBy(c => c.Id),
        (CustomerSort.Email, true) => query.OrderByDescending(c => c.Email != null).ThenByDescending(c => c.Email).ThenByDescending(c => c.Id),
        (CustomerSort.City, false) => query.OrderBy(c => c.City != null).ThenBy(c => c.City).ThenBy(c => c.Id),
        (CustomerSort.City, true) => query.OrderByDescending(c => c.City != null).ThenByDescending(c => c.City).ThenByDescending(c => c.Id),
        (CustomerSort.Country, false) => query.OrderBy(c => c.Country != null).ThenBy(c => c.Country).ThenBy(c => c.Id),
        (CustomerSort.Country, true) => query.OrderByDescending(c => c.Country != null).ThenByDescending(c => c.Country).ThenByDescending(c => c.Id),
        (CustomerSort.Orders, false) => query.OrderBy(c => sales.Count(o => o.CustomerId == c.Id)).ThenBy(c => c.Id),
        (CustomerSort.Orders, true) => query.OrderByDescending(c => sales.Count(o => o.CustomerId == c.Id)).ThenByDescending(c => c.Id),
        (CustomerSort.NetRevenue, false) => query.OrderBy(c => orders.Where(o => o.CustomerId == c.Id).Sum(o => o.AmountMilli)).ThenBy(c => c.Id),
        (CustomerSort.NetRevenue, true) => query.OrderByDescending(c => orders.Where(o => o.CustomerId == c.Id).Sum(o =>
            o.AmountMilli)).ThenByDescending(c => c.Id),
        (CustomerSort.LastOrder, false) => query.OrderBy(c => sales.Any(o => o.CustomerId == c.Id))
            .ThenBy(c => sales.Where(o => o.CustomerId == c.Id).Max(o => (DateOnly?)o.BusinessDate)).ThenBy(c => c.Id),
        (CustomerSort.LastOrder, true) => query.OrderByDescending(c => sales.Any(o => o.CustomerId == c.Id))
            .ThenByDescending(c => sales.Where(o => o.CustomerId == c.Id).Max(o => (DateOnly?)o.BusinessDate)).ThenByDescending(c => c.Id),
        (_, true) => query.OrderByDescending(c => c.Id),
        _ => query.OrderBy(c => c.Id),
    };
}
