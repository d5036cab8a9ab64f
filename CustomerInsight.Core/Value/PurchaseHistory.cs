using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Value;

/// <summary>
/// What the models of metrics.md need of one customer at a calibration end: x repeat purchases (a purchase is a
/// business date with at least one sale order), the days from the first to the last purchase (t_x) and from the
/// first purchase to the calibration end (T), and the value of the repeat purchases (the first one excluded).
/// </summary>
public readonly record struct PurchaseHistory(int CustomerId, int RepeatPurchases, int FirstToLastDays, int FirstToEndDays, decimal RepeatValue)
{
    public const double DaysPerWeek = 7.0;

    /// <summary>t_x in weeks.</summary>
    public double RecencyWeeks => FirstToLastDays / DaysPerWeek;

    /// <summary>T in weeks.</summary>
    public double AgeWeeks => FirstToEndDays / DaysPerWeek;

    /// <summary>m: the mean value of the repeat purchases; null without any.</summary>
    public decimal? MeanRepeatValue => RepeatPurchases > 0 ? RepeatValue / RepeatPurchases : null;
}

/// <summary>One purchase: a customer's business date with at least one sale order, and that day's sale orders' total.</summary>
public readonly record struct PurchaseDay(int CustomerId, DateOnly Date, decimal Value);

/// <summary>Builds <see cref="PurchaseHistory"/> records from purchase days.</summary>
public static class PurchaseHistoryBuilder
{
    /// <summary>
    /// One history per customer, from days sorted by customer then date (on or before <paramref name="calibrationEnd"/>;
    /// several rows of one date are one purchase, their values added; values of at most three decimals), in the order met.
    /// </summary>
    public static IEnumerable<PurchaseHistory> Build(IEnumerable<PurchaseDay> days, DateOnly calibrationEnd)
    {
        ArgumentNullException.ThrowIfNull(days);
        var folder = new PurchaseHistoryFolder(calibrationEnd);
        foreach (var day in days)
        {
            if (folder.Add(day.CustomerId, day.Date, Money.ToMilli(day.Value)) is { } done)
            {
                yield return done;
            }
        }
        if (folder.Finish() is { } last)
        {
            yield return last;
        }
    }
}

/// <summary>
/// Folds sale orders (or purchase days) sorted by customer then date into one <see cref="PurchaseHistory"/> per customer as they
/// come, without keeping them: orders of the same date are one purchase (metrics.md), their values added.
/// </summary>
public sealed class PurchaseHistoryFolder(DateOnly calibrationEnd)
{
    private int current;
    private bool any;
    private DateOnly first;
    private DateOnly last;
    private int repeat;
    private long repeatMilli;

    /// <summary>Adds one order of <paramref name="amountMilli"/> thousandths; returns the previous customer's history when this order is
    /// the first of another customer.</summary>
    public PurchaseHistory? Add(int customerId, DateOnly date, long amountMilli)
    {
        if (date > calibrationEnd)
        {
            throw new ArgumentException($"A purchase on {date:yyyy-MM-dd} is after the calibration end {calibrationEnd:yyyy-MM-dd}.", nameof(date));
        }
        if (any && customerId == current)
        {
            if (date < last)
            {
                throw new ArgumentException($"Purchases of customer {customerId} are not in ascending date order.", nameof(date));
            }
            if (date > last)
            {
                last = date;
                repeat++;
            }
            if (date != first)
            {
                repeatMilli += amountMilli;
            }
            return null;
        }
        var done = Finish();
        any = true;
        current = customerId;
        first = last = date;
        repeat = 0;
        repeatMilli = 0;
        return done;
    }

    /// <summary>The history of the customer being folded (null before any order); the folder then starts afresh.</summary>
    public PurchaseHistory? Finish()
    {
        if (!any)
        {
            return null;
        }
        any = false;
        return new PurchaseHistory(current, repeat, last.DayNumber - first.DayNumber, calibrationEnd.DayNumber - first.DayNumber,
            Money.FromMilli(repeatMilli));
    }
}
