using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using FitKey = (long Orders, int UndoneImports, System.DateOnly End, int Horizon);

namespace CustomerInsight.Core.Value;

/// <summary>
/// A fit at one calibration end and horizon, with what the data after the calibration end shows: the actual repeat
/// purchases of the fitted customers over the horizon (null when the data does not cover it) and, for each whole
/// week with data after the calibration end (up to the horizon), predicted against actual purchases.
/// </summary>
public sealed record ClvReport(ClvResult Model, int? ActualRepeatPurchases, IReadOnlyList<WeeklyPurchases> HoldoutWeeks, DateOnly? LatestSaleDate)
{
    /// <summary>
    /// The model's version: the orders' data version it was fitted on (highest order id, then undone imports), so a screen can say
    /// which fit its figures come from; a new import or undo makes another version.
    /// </summary>
    public string ModelVersion { get; init; } = "";

    /// <summary>When this fit was computed (it is kept while the data do not change).</summary>
    public DateTime FittedAtUtc { get; init; }

    /// <summary>The steps of the fit and their times, in order (the <c>clv</c> verb's <c>--timing</c>).</summary>
    public IReadOnlyList<ClvPhase> Phases { get; init; } = [];
}

/// <summary>
/// The value and churn feature's reads: purchases per customer and day, folded from the node's snapshot of the orders in the web
/// app (<see cref="CustomerActivityStore"/>) or read in SQL elsewhere; the fits of <see cref="ClvCalculator"/>, cached per
/// (data version, calibration end, horizon) and never computed twice for them.
/// </summary>
public sealed partial class ClvQueries(IDbContextFactory<InsightDbContext> factory, IOptions<ClvOptions> options, TimeProvider clock,
    CustomerActivityStore? activity = null, ILogger<ClvQueries>? logger = null)
{
    /// <summary>Fits kept: each holds one prediction per customer (tens of MB at a million customers).</summary>
    public const int Capacity = 3;

    private readonly ClvOptions settings = options.Value;
    private readonly ResultCache<FitKey, ClvReport> cache = new(Capacity, TimeSpan.MaxValue, clock);

    // The fits the reports are made of: a custom segment's facts need the fit alone, not the holdout's predicted purchases.
    private readonly ResultCache<FitKey, ClvFit> fits = new(Capacity, TimeSpan.MaxValue, clock);

    /// <summary>A fit with what its report adds the holdout from: the whole weeks after the calibration end and their purchases.</summary>
    private sealed record ClvFit(ClvResult Model, int WholeWeeks, int[] ActualPerWeek, DateOnly? LatestSaleDate, IReadOnlyList<ClvPhase> Phases);

    public int DefaultHorizonWeeks => settings.HorizonWeeks;

    /// <summary>The default calibration end: the latest day with a sale order (predictions from today's knowledge); null without sales.</summary>
    public async Task<DateOnly?> GetDefaultCalibrationEndAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Orders.AsNoTracking()
            .Where(o => o.Kind == OrderKind.Sale && o.CustomerId != null)
            .OrderByDescending(o => o.BusinessDate)
            .Select(o => (DateOnly?)o.BusinessDate)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The fit at <paramref name="calibrationEnd"/> over <paramref name="horizonWeeks"/> (default <c>Clv:HorizonWeeks</c>),
    /// from the cache when the data has not changed; null when no customer bought by then. Cancelling stops the fit
    /// (it is then computed afresh by the next caller).
    /// </summary>
    /// <param name="progress">Receives the share done (0–1) when this call starts the fit.</param>
    public async Task<ClvReport?> GetReportAsync(
        DateOnly calibrationEnd,
        int? horizonWeeks = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var horizon = horizonWeeks ?? settings.HorizonWeeks;
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1, nameof(horizonWeeks));
        var key = await KeyAsync(calibrationEnd, horizon, cancellationToken);
        var report = await cache.GetAsync(key,
            async () => ReportOf(await FitAsync(key, progress, cancellationToken), horizon, progress) with
            {
                ModelVersion = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{key.Orders}.{key.UndoneImports}"),
                FittedAtUtc = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        return report.Model.Customers.Count == 0 ? null : report;
    }

    /// <summary>
    /// The models of <see cref="GetReportAsync"/> at <paramref name="calibrationEnd"/> over <c>Clv:HorizonWeeks</c> without the
    /// holdout's predicted purchases (the same fit, shared with the report); null when no customer bought by then.
    /// </summary>
    public async Task<ClvResult?> GetModelAsync(DateOnly calibrationEnd, CancellationToken cancellationToken = default)
    {
        var key = await KeyAsync(calibrationEnd, settings.HorizonWeeks, cancellationToken);
        var fit = await FitAsync(key, null, cancellationToken);
        return fit.Model.Customers.Count == 0 ? null : fit.Model;
    }

    private async Task<FitKey> KeyAsync(DateOnly calibrationEnd, int horizon, CancellationToken cancellationToken)
    {
        // Only the orders' part of the data version: surveys, consents and erasures (which keep the orders) leave the fit as it is.
        var version = await DataVersion.ReadAsync(factory, cancellationToken);
        return (version.Orders, version.UndoneImports, calibrationEnd, horizon);
    }

    private Task<ClvFit> FitAsync(FitKey key, IProgress<double>? progress, CancellationToken cancellationToken) =>
        fits.GetAsync(key, () => ComputeFitAsync(key.End, key.Horizon, progress, cancellationToken), cancellationToken);

    /// <summary>
    /// The predictions (P(alive), expected purchases, spend and CLV over <c>Clv:HorizonWeeks</c>) of the given customers at
    /// <paramref name="calibrationEnd"/>, for other features (custom segments, customer 360). Customers without a purchase
    /// by then are left out of the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, CustomerValue>> GetPredictionsAsync(
        DateOnly calibrationEnd,
        IEnumerable<int> customerIds,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var report = await GetReportAsync(calibrationEnd, null, null, cancellationToken);
        var found = new Dictionary<int, CustomerValue>();
        if (report is null)
        {
            return found;
        }
        foreach (var id in customerIds)
        {
            if (report.Model.Find(id) is { } value)
            {
                found[id] = value;
            }
        }
        return found;
    }

    /// <summary>One customer's predictions at the default calibration end (the latest sale); null when they have no purchase.</summary>
    public async Task<(DateOnly CalibrationEnd, CustomerValue Value)?> GetCustomerAsync(int customerId, CancellationToken cancellationToken = default)
    {
        if (await GetDefaultCalibrationEndAsync(cancellationToken) is not { } end)
        {
            return null;
        }
        var predictions = await GetPredictionsAsync(end, [customerId], cancellationToken);
        return predictions.TryGetValue(customerId, out var value) ? (end, value) : null;
    }

    /// <summary>
    /// The histories of the customers with a purchase on or before <paramref name="calibrationEnd"/> (in customer id order) and
    /// their purchases in each of the <paramref name="holdoutWeeks"/> whole weeks after it, in one read.
    /// </summary>
    /// <remarks>
    /// Reads the sale orders of the customers with a purchase on or before the calibration end in one pass, in (customer, date) order:
    /// per customer of the sales summary whose first sale is on or before it (<see cref="CustomerSales"/>, kept equal to the orders),
    /// their sale orders up to the end of the holdout weeks through the covering index IX_Orders_Customer, one index range per
    /// customer and no sort. Each order is folded as it comes (<see cref="PurchaseHistoryFolder"/>; same-day orders are one purchase),
    /// nothing per order is kept. Standard SQL, with the day number and the join order of the engine (<see cref="DatabaseProvider"/>).
    /// </remarks>
    public async Task<PurchaseReading> ReadPurchasesAsync(DateOnly calibrationEnd, int holdoutWeeks, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutWeeks);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var provider = DatabaseProvider.Of(db.Database);
        var histories = new List<PurchaseHistory>();
        var holdout = new int[holdoutWeeks];
        var folder = new PurchaseHistoryFolder(calibrationEnd);
        var endDay = calibrationEnd.DayNumber;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT c."CustomerId", {provider.DayNumber("o.\"BusinessDate\"")}, o."AmountMilli"
                FROM "CustomerSales" AS c {provider.OuterLoopJoin} "Orders" AS o ON o."CustomerId" = c."CustomerId"
                WHERE c."FirstSaleDate" <= @end AND o."Kind" = @sale AND o."BusinessDate" <= @last
                ORDER BY c."CustomerId", o."BusinessDate"
                """;
            command.AddParameter("@end", calibrationEnd);
            command.AddParameter("@sale", (int)OrderKind.Sale);
            command.AddParameter("@last", calibrationEnd.AddDays(7 * holdoutWeeks));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            int previousCustomer = -1, previousDay = -1;
            while (await reader.ReadAsync(cancellationToken))
            {
                var customer = reader.GetInt32(0);
                var day = reader.GetInt32(1);
                if (day > endDay)
                {
                    if (customer != previousCustomer || day != previousDay)
                    {
                        holdout[(day - endDay - 1) / 7]++;
                    }
                }
                else if (folder.Add(customer, DateOnly.FromDayNumber(day), reader.GetInt64(2)) is { } done)
                {
                    histories.Add(done);
                }
                previousCustomer = customer;
                previousDay = day;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (folder.Finish() is { } last)
        {
            histories.Add(last);
        }
        return new PurchaseReading(histories, holdout);
    }

    /// <summary>
    /// What <see cref="ReadPurchasesAsync"/> reads, folded from a snapshot of every order instead: each customer's sale orders side
    /// by side (<see cref="CustomerActivitySnapshot.SalesOf"/>), up to the end of the holdout weeks.
    /// </summary>
    public static PurchaseReading ReadPurchases(CustomerActivitySnapshot snapshot, DateOnly calibrationEnd, int holdoutWeeks)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutWeeks);
        var holdout = new int[holdoutWeeks];
        var endDay = calibrationEnd.DayNumber;
        var lastDay = endDay + (7 * holdoutWeeks);
        // Counted first, the list sized once (20 MB at a million customers: memory new to the process is dear).
        var bought = 0;
        for (var slot = 0; slot < snapshot.Customers; slot++)
        {
            bought += snapshot.SalesOf(slot).Days is [var first, ..] && first <= endDay ? 1 : 0;
        }
        var histories = new List<PurchaseHistory>(bought);
        for (var slot = 0; slot < snapshot.Customers; slot++)
        {
            var sales = snapshot.SalesOf(slot);
            var days = sales.Days;
            var amounts = sales.AmountsMilli;
            if (days.IsEmpty || days[0] > endDay)
            {
                continue;
            }
            // As PurchaseHistoryFolder: a later day is a repeat purchase; the first day's orders are not repeat value.
            var (first, last, repeat, repeatMilli, i) = (days[0], days[0], 0, 0L, 0);
            for (; i < days.Length && days[i] <= endDay; i++)
            {
                if (days[i] > last)
                {
                    (last, repeat) = (days[i], repeat + 1);
                }
                if (days[i] != first)
                {
                    repeatMilli += amounts[i];
                }
            }
            // The purchases in the holdout weeks: one per day.
            for (var seen = endDay; i < days.Length && days[i] <= lastDay; i++)
            {
                if (days[i] != seen)
                {
                    seen = days[i];
                    holdout[(seen - endDay - 1) / 7]++;
                }
            }
            histories.Add(new PurchaseHistory(snapshot.IdOf(slot), repeat, last - first, endDay - first, Money.FromMilli(repeatMilli)));
        }
        return new PurchaseReading(histories, holdout);
    }

    private async Task<ClvFit> ComputeFitAsync(DateOnly calibrationEnd, int horizon, IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        // Off the caller's thread: the fit is CPU work of seconds at a million customers.
        await Task.Yield();
        var phases = new ClvPhases();
        // The node's snapshot, when it keeps one, knows the latest sale and holds the purchases.
        var snapshot = activity is { KeepsSnapshots: true } ? await activity.GetWholeAsync(cancellationToken) : null;
        var latest = snapshot is not null ? snapshot.LatestSaleDate : await GetDefaultCalibrationEndAsync(cancellationToken);
        // Whole weeks with data after the calibration end (up to the horizon): their actual purchases come with the same read.
        var wholeWeeks = latest is { } end && end > calibrationEnd ? Math.Min(horizon, (end.DayNumber - calibrationEnd.DayNumber) / 7) : 0;
        phases.Mark("latest sale");
        var (histories, actualPerWeek) = snapshot is not null
            ? ReadPurchases(snapshot, calibrationEnd, wholeWeeks)
            : await ReadPurchasesAsync(calibrationEnd, wholeWeeks, cancellationToken);
        phases.Mark("read purchases", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{histories.Count:N0} customers, {wholeWeeks} holdout weeks"));
        progress?.Report(0.1);
        if (histories.Count == 0)
        {
            var empty = new ClvResult(calibrationEnd, horizon, settings.AnnualDiscountRate,
                new BgNbdFit(new BgNbdParameters(double.NaN, double.NaN, double.NaN, double.NaN), double.NaN, 0), null, []);
            return new ClvFit(empty, 0, [], latest, phases.Phases);
        }
        var inner = new Progress<double>(p => progress?.Report(0.1 + 0.8 * p));
        var model = await Task.Run(() => ClvCalculator.Calculate(histories, calibrationEnd, horizon, settings.AnnualDiscountRate, inner,
            phases, cancellationToken), cancellationToken);
        LogFitted(logger ?? NullLogger<ClvQueries>.Instance, calibrationEnd, horizon, string.Join("; ", phases.Phases));
        return new ClvFit(model, wholeWeeks, actualPerWeek, latest, phases.Phases);
    }

    /// <summary>The report of a fit: the holdout's predicted purchases per week beside the actual ones.</summary>
    private static ClvReport ReportOf(ClvFit fit, int horizon, IProgress<double>? progress)
    {
        if (fit.Model.Customers.Count == 0)
        {
            return new ClvReport(fit.Model, null, [], fit.LatestSaleDate) { Phases = fit.Phases };
        }
        var phases = new ClvPhases();
        var cumulative = fit.WholeWeeks > 0 ? ClvCalculator.CumulativePredicted(fit.Model, fit.WholeWeeks) : [];
        phases.Mark("holdout: predicted purchases");
        progress?.Report(1);
        int? actualTotal = fit.WholeWeeks == horizon ? fit.ActualPerWeek.Sum() : null;
        return new ClvReport(fit.Model, actualTotal, ClvCalculator.Weekly(cumulative, fit.ActualPerWeek), fit.LatestSaleDate)
        {
            Phases = [.. fit.Phases, .. phases.Phases],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Value models fitted at {CalibrationEnd}, {HorizonWeeks} weeks: {Phases}.")]
    private static partial void LogFitted(ILogger logger, DateOnly calibrationEnd, int horizonWeeks, string phases);
}
