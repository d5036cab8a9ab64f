namespace CustomerInsight.Core.Value;

/// <summary>
/// Where a fit over many customers starts its search: at the maximum of the same likelihood over a fixed subsample of them (every
/// k-th customer, in the order given), found with a search over a few tens of thousands of customers whose evaluations cost a
/// fraction of the whole's. From there the search over all the customers needs a few Newton steps instead of a few dozen: it ends
/// at the same maximum, to the search's tolerance (ValueWarmStartTests). On the 10 M-line benchmark's base (737,484 customers) the
/// BG/NBD search took 16 likelihood evaluations over 355,229 groups after 39 over the subsample's 32,120, against 43 over the whole
/// from the usual start (bench/RESULTS.md).
/// </summary>
/// <param name="FromCustomers">Data with fewer customers are searched from the model's usual start.</param>
/// <param name="SampleCustomers">About how many customers the subsample keeps.</param>
internal sealed record SubsampleStart(int FromCustomers, int SampleCustomers)
{
    /// <summary>From 200,000 customers, a subsample of about 50,000.</summary>
    public static readonly SubsampleStart Default = new(200_000, 50_000);

    /// <summary>Always the model's usual start.</summary>
    public static readonly SubsampleStart None = new(int.MaxValue, 0);

    /// <summary>
    /// The search over the subsample stops at this relative tolerance on ln L: its maximum is only a start, and one over a
    /// subsample differs from the whole's far more than that.
    /// </summary>
    public const double Tolerance = 1e-8;

    /// <summary>Every k-th of <paramref name="items"/> (the first, the (k+1)-th…), k such that about
    /// <see cref="SampleCustomers"/> remain; null below <see cref="FromCustomers"/>.</summary>
    public List<T>? Sample<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count < FromCustomers || SampleCustomers < 1)
        {
            return null;
        }
        var step = Math.Max(1, items.Count / SampleCustomers);
        var sample = new List<T>((items.Count / step) + 1);
        for (var i = 0; i < items.Count; i += step)
        {
            sample.Add(items[i]);
        }
        return sample;
    }
}
