namespace CustomerInsight.Core.Analytics;

/// <summary>Customers whose first sale order is in <paramref name="CohortMonth"/> (month key yyyymm).</summary>
public readonly record struct CohortSize(int CohortMonth, long Customers);

/// <summary>Distinct customers of a cohort with a sale order in <paramref name="ActivityMonth"/> (month keys yyyymm).</summary>
public readonly record struct CohortActivity(int CohortMonth, int ActivityMonth, long Customers);

/// <summary>One cohort's row: <see cref="Retention"/>[k] is the share of its customers active in month c + k.</summary>
public sealed record CohortRow(int CohortMonth, long Customers, IReadOnlyList<double> Retention);

/// <summary>The cohort retention matrix (metrics.md, "Cohort retention"); rows in cohort order, each as long as the months observed up to the last
/// month.</summary>
public sealed record CohortMatrix(int LastMonth, IReadOnlyList<CohortRow> Rows)
{
    /// <summary>The longest row: how many month columns a table needs.</summary>
    public int MonthColumns => Rows.Count == 0 ? 0 : Rows.Max(r => r.Retention.Count);
}

/// <summary>Cohort retention from grouped counts.</summary>
public static class CohortCalculator
{
    /// <param name="lastMonth">Last month observed (yyyymm): cohort c gets cells for k = 0 … lastMonth − c.</param>
    public static CohortMatrix Calculate(IEnumerable<CohortSize> sizes, IEnumerable<CohortActivity> activity, int lastMonth)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(activity);
        var last = MonthIndex(lastMonth);

        var active = new Dictionary<(int Cohort, int Offset), long>();
        foreach (var a in activity)
        {
            var offset = MonthIndex(a.ActivityMonth) - MonthIndex(a.CohortMonth);
            if (offset < 0)
            {
                throw new ArgumentException($"Activity in {a.ActivityMonth} precedes cohort {a.CohortMonth}: a cohort starts at its first sale.",
                    nameof(activity));
            }
            active[(a.CohortMonth, offset)] = active.GetValueOrDefault((a.CohortMonth, offset)) + a.Customers;
        }

        var rows = new List<CohortRow>();
        foreach (var size in sizes.Where(s => s.Customers > 0 && MonthIndex(s.CohortMonth) <= last).OrderBy(s => s.CohortMonth))
        {
            var months = last - MonthIndex(size.CohortMonth) + 1;
            var retention = new double[months];
            retention[0] = 1.0; // month 0: every customer of the cohort bought, by construction
            for (var k = 1; k < months; k++)
            {
                var customers = active.GetValueOrDefault((size.CohortMonth, k));
                if (customers > size.Customers)
                {
                    throw new ArgumentException($"Cohort {size.CohortMonth} has {size.Customers} customers but {customers} active in month {k}.",
                        nameof(activity));
                }
                retention[k] = (double)customers / size.Customers;
            }
            rows.Add(new CohortRow(size.CohortMonth, size.Customers, retention));
        }
        return new CohortMatrix(lastMonth, rows);
    }

    private static int MonthIndex(int monthKey)
    {
        var month = monthKey % 100;
        if (month is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(monthKey), monthKey, "A month key is year × 100 + month.");
        }
        return ((monthKey / 100) * 12) + month - 1;
    }
}
