namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The CDNOW sample of the BG/NBD and Gamma-Gamma papers, read from ../shared/data/cdnow/ beside the repository
/// (never copied into it). Absent: the tests that need it skip, except under CI=true where that is a failure.
/// </summary>
public static class CdnowData
{
    public static readonly DateOnly CalibrationEnd = new(1997, 9, 30);

    /// <summary>The last day of the 39-week holdout (1997-10-01 to 1998-06-30).</summary>
    public static readonly DateOnly HoldoutEnd = new(1998, 6, 30);

    public static string Sample()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CustomerInsight.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "cdnow", "CDNOW_sample.txt"));
                if (File.Exists(path))
                {
                    return path;
                }
                break;
            }
        }
        const string reason = "../shared/data/cdnow/CDNOW_sample.txt (beside the repository) is absent: the CDNOW tests need it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }
        Assert.Skip(reason);
        return null!;
    }

    /// <summary>The sample's rows: customer id (first column), date, dollar value.</summary>
    public static IReadOnlyList<(int Customer, DateOnly Date, decimal Value)> Rows() =>
        File.ReadLines(Sample())
            .Where(l => l.Trim().Length > 0)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => (int.Parse(f[0], CultureInfo.InvariantCulture),
                DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToList();

    /// <summary>Purchase days (several rows of a customer on one day are one purchase) up to <paramref name="end"/>, by customer then date.</summary>
    public static IEnumerable<PurchaseDay> Days(DateOnly end) =>
        Rows().Where(r => r.Date <= end)
            .GroupBy(r => (r.Customer, r.Date))
            .Select(g => new PurchaseDay(g.Key.Customer, g.Key.Date, g.Sum(r => r.Value)))
            .OrderBy(d => d.CustomerId).ThenBy(d => d.Date);
}
