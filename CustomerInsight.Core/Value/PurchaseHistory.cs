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
    /// One history per customer, from days sorted by customer then date (one row per customer and date, on or
    /// before <paramref name="calibrationEnd"/>), in the order met.
    /// </summary>
    public static IEnumerable<PurchaseHistory> Build(IEnumerable<PurchaseDay> days, DateOnly calibrationEnd)
    {
        ArgumentNullException.ThrowIfNull(days);
        var current = -1;
        DateOnly first = default, last = default;
        var repeat = 0;
        var repeatValue = 0m;
        var any = false;
        foreach (var day in days)
        {
            if (day.Date > calibrationEnd)
            {
                throw new ArgumentException($"A purchase on {day.Date:yyyy-MM-dd} is after the calibration end {calibrationEnd:yyyy-MM-dd}.",
                    nameof(days));
            }
            if (!any || day.CustomerId != current)
            {
                if (any)
                {
                    yield return Make(current, first, last, repeat, repeatValue, calibrationEnd);
                }
                any = true;
                current = day.CustomerId;
                first = last = day.Date;
                repeat = 0;
                repeatValue = 0m;
                continue;
            }
            if (day.Date <= last)
            {
                throw new ArgumentException($"Purchase days of customer {day.CustomerId} are not one per date in ascending order.", nameof(days));
            }
            last = day.Date;
            repeat++;
            repeatValue += day.Value;
        }
        if (any)
        {
            yield return Make(current, first, last, repeat, repeatValue, calibrationEnd);
        }
    }

    private static PurchaseHistory Make(int customerId, DateOnly first, DateOnly last, int repeat, decimal repeatValue, DateOnly end) =>
        new(customerId, repeat, last.DayNumber - first.DayNumber, end.DayNumber - first.DayNumber, repeatValue);
}
