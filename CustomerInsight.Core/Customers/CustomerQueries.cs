using System.Globalization;
using System.Linq.Expressions;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Customers;

/// <summary>
/// Reads of the customer list and the customer 360 view. One context per call, set-based SQL.
/// </summary>
/// <remarks>
/// Search is a case-tolerant <em>prefix</em> match turned into index ranges
/// (<c>LastName &gt;= 'dup' AND LastName &lt; 'dup\U0010FFFF'</c>, for the text as typed, in lower case,
/// upper case and capitalised), OR-ed over the indexed columns SourceId, LastName, Email and City.
/// SQLite's <c>LIKE</c> is case-insensitive and therefore cannot use these (binary) indexes, and a
/// <c>LIKE '%x%'</c> would read the whole table on every keystroke; ranges keep a search on a million
/// customers to a few index seeks. The segment filter scores the whole base once per analysis date
/// (<see cref="RfmScoreCache"/>) and filters by the resulting id set.
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

    /// <summary>One page of customers, sorted (then by id, so pages never overlap).</summary>
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
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = await FilterAsync(db, filter, cancellationToken);
        return await Sort(query, sort, descending)
            .Skip(skip)
            .Take(take)
            .Select(c => new CustomerListRow(c.Id, c.SourceId, c.FirstName, c.LastName, c.Email, c.City, c.Country, c.ErasedAtUtc != null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>How many customers match <paramref name="filter"/>. Meant to be called when the filter changes, not per page.</summary>
    public async Task<int> CountAsync(CustomerFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter is { Segment: { } segment, Search: null or "", Country: null, Channel: null, Lapsed: null })
        {
            // The segment alone: its size is already known from the cached scores.
            var date = await ResolveReferenceDateAsync(filter, cancellationToken);
            return date is null ? 0 : (await scores.GetSegmentIdsAsync(date.Value, segment, cancellationToken)).Length;
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
            ? new CustomerProfile(customer.Id, keys.For(customer.Id), null, null, null, null, null, null, null, customer.Country, customer.CreatedAtUtc, customer.ErasedAtUtc)
            : new CustomerProfile(customer.Id, keys.For(customer.Id), customer.SourceId, customer.FirstName, customer.LastName, customer.Email,
                customer.Phone, customer.PostalCode, customer.City, customer.Country, customer.CreatedAtUtc, customer.ErasedAtUtc);

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
            orderRows.Select(o => new CustomerOrderRow(o.Id, o.SourceOrderId, o.BusinessDate, o.Channel, o.Kind, Money.FromMilli(o.AmountMilli), o.Lines)).ToArray(),
            totalOrders,
            surveys,
            reference,
            rfmHistory,
            lastSale,
            lastSale is { } last && reference is { } at ? WholeMonthsBetween(last, at) : null,
            Money.FromMilli(lifetimeMilli));
    }

    /// <summary>The lines of one order of one customer (loaded when the 360 page expands the order).</summary>
    public async Task<IReadOnlyList<CustomerOrderLineRow>> GetOrderLinesAsync(int customerId, long orderId, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var lines = await db.OrderLines.AsNoTracking()
            .Where(l => l.OrderId == orderId && l.Order!.CustomerId == customerId)
            .OrderBy(l => l.Id)
            .Select(l => new { l.ProductCode, l.Description, l.Quantity, l.UnitPriceMilli, l.AmountMilli })
            .ToListAsync(cancellationToken);
        return lines.Select(l => new CustomerOrderLineRow(l.ProductCode, l.Description, l.Quantity, Money.FromMilli(l.UnitPriceMilli), Money.FromMilli(l.AmountMilli))).ToArray();
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
            query = query.Where(SearchPredicate(search));
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
            if (filter.Segment is { } segment)
            {
                var ids = await scores.GetSegmentIdsAsync(date.Value, segment, cancellationToken);
                // One JSON parameter (json_each), whatever the size of the segment: never thousands of SQL parameters.
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

    internal static string? NormalizeSearch(string? search)
    {
        var trimmed = search?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        return trimmed.Length > MaxSearchLength ? trimmed[..MaxSearchLength] : trimmed;
    }

    /// <summary>The case variants tried for a prefix: as typed, lower, upper, capitalised (distinct).</summary>
    internal static IReadOnlyList<string> CaseVariants(string text)
    {
        var lower = text.ToLower(CultureInfo.InvariantCulture);
        var capitalised = lower.Length == 0 ? lower : char.ToUpper(lower[0], CultureInfo.InvariantCulture) + lower[1..];
        return new[] { text, lower, text.ToUpper(CultureInfo.InvariantCulture), capitalised }.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static Expression<Func<Customer, bool>> SearchPredicate(string search)
    {
        var customer = Expression.Parameter(typeof(Customer), "c");
        Expression? any = null;
        foreach (var variant in CaseVariants(search))
        {
            foreach (var column in new[] { nameof(Customer.SourceId), nameof(Customer.LastName), nameof(Customer.Email), nameof(Customer.City) })
            {
                var term = PrefixRange(Expression.Property(customer, column), variant);
                any = any is null ? term : Expression.OrElse(any, term);
            }
        }
        return Expression.Lambda<Func<Customer, bool>>(any!, customer);
    }

    /// <summary><c>column &gt;= prefix AND column &lt; prefix + U+10FFFF</c>: a prefix test an ordinary (binary) index can answer.</summary>
    private static BinaryExpression PrefixRange(MemberExpression column, string prefix)
    {
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var zero = Expression.Constant(0);
        var low = Expression.GreaterThanOrEqual(Expression.Call(compare, column, Parameter(prefix)), zero);
        var high = Expression.LessThan(Expression.Call(compare, column, Parameter(prefix + "\U0010FFFF")), zero);
        return Expression.AndAlso(low, high);
    }

    /// <summary>A captured value, so EF sends it as a SQL parameter rather than inlining the user's text.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Boxed(value)), nameof(Boxed.Value));

    private static IQueryable<Customer> Sort(IQueryable<Customer> query, CustomerSort sort, bool descending) => (sort, descending) switch
    {
        (CustomerSort.SourceId, false) => query.OrderBy(c => c.SourceId),
        (CustomerSort.SourceId, true) => query.OrderByDescending(c => c.SourceId),
        (CustomerSort.LastName, false) => query.OrderBy(c => c.LastName).ThenBy(c => c.Id),
        (CustomerSort.LastName, true) => query.OrderByDescending(c => c.LastName).ThenByDescending(c => c.Id),
        (CustomerSort.Email, false) => query.OrderBy(c => c.Email).ThenBy(c => c.Id),
        (CustomerSort.Email, true) => query.OrderByDescending(c => c.Email).ThenByDescending(c => c.Id),
        (CustomerSort.City, false) => query.OrderBy(c => c.City).ThenBy(c => c.Id),
        (CustomerSort.City, true) => query.OrderByDescending(c => c.City).ThenByDescending(c => c.Id),
        (CustomerSort.Country, false) => query.OrderBy(c => c.Country).ThenBy(c => c.Id),
        (CustomerSort.Country, true) => query.OrderByDescending(c => c.Country).ThenByDescending(c => c.Id),
        (_, true) => query.OrderByDescending(c => c.Id),
        _ => query.OrderBy(c => c.Id),
    };

    private sealed class Boxed(string value)
    {
        public string Value { get; } = value;
    }
}
