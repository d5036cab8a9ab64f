namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// <see cref="SubsampleStart"/>: a fit over many customers starts from the maximum over every k-th of them and must end where the
/// search from the usual start ends, to the search's tolerance: the same ln L, parameters and predictions. The thresholds are lowered
/// here (the app's are 200,000 customers and a subsample of 50,000) so that the data stay small.
/// </summary>
public sealed class ValueWarmStartTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly SubsampleStart Small = new(20_000, 5_000);

    [Fact]
    public void Sample_EveryKthFromTheFirst_NoneBelowTheThreshold()
    {
        var items = Enumerable.Range(0, 23_000).ToList();

        var sample = Small.Sample(items);

        // k = 23,000 / 5,000 = 4: items 0, 4, 8, … 22,996.
        Assert.NotNull(sample);
        Assert.Equal(5_750, sample.Count);
        Assert.Equal([0, 4, 8], sample.Take(3));
        Assert.Equal(22_996, sample[^1]);
        Assert.Null(Small.Sample(Enumerable.Range(0, 19_999).ToList()));
        Assert.Null(SubsampleStart.None.Sample(items));
        Assert.Null(SubsampleStart.Default.Sample(items));
    }

    [Fact]
    public void BgNbd_FromASubsample_EndsAtTheSameMaximum()
    {
        var histories = ClvCalculator.WarmUpHistories(60_000);
        var phases = new ClvPhases();

        var warm = BgNbdFitter.Fit(histories, Small, null, phases, Token);
        var cold = BgNbdFitter.Fit(histories, SubsampleStart.None, null, null, Token);

        // The subsample's search ran first, over 5,000 customers (every 12th).
        var start = Assert.Single(phases.Phases, p => p.Name == "BG/NBD start");
        Assert.StartsWith("search over 5,000 of the customers", start.Detail, StringComparison.Ordinal);
        Assert.Equal(cold.LogLikelihood, warm.LogLikelihood, 1e-9 * Math.Abs(cold.LogLikelihood));
        AssertRelative(cold.Parameters.R, warm.Parameters.R, 1e-4);
        AssertRelative(cold.Parameters.Alpha, warm.Parameters.Alpha, 1e-4);
        AssertRelative(cold.Parameters.A, warm.Parameters.A, 1e-4);
        AssertRelative(cold.Parameters.B, warm.Parameters.B, 1e-4);
        AssertRelative(ExpectedPurchases(histories, cold.Parameters), ExpectedPurchases(histories, warm.Parameters), 1e-6);
        // An interior maximum: someone drops out (a ridge would let a and b run to a bound).
        Assert.InRange(warm.Parameters.A / (warm.Parameters.A + warm.Parameters.B), 0.01, 0.9);
    }

    [Fact]
    public void BgNbd_OnARidge_FromASubsample_AsHighWithTheSamePredictions()
    {
        var histories = BgNbdSearchToleranceTests.NoDropOut();

        var warm = BgNbdFitter.Fit(histories, new SubsampleStart(10_000, 4_000), null, null, Token);
        var cold = BgNbdFitter.Fit(histories, SubsampleStart.None, null, null, Token);

        Assert.True(warm.LogLikelihood >= cold.LogLikelihood - (1e-9 * Math.Abs(cold.LogLikelihood)),
            $"ln L {warm.LogLikelihood:R} from the subsample's maximum against {cold.LogLikelihood:R}");
        AssertRelative(ExpectedPurchases(histories, cold.Parameters), ExpectedPurchases(histories, warm.Parameters), 1e-5);
    }

    [Fact]
    public void GammaGamma_FromASubsample_EndsAtTheSameMaximum()
    {
        var histories = ClvCalculator.WarmUpHistories(60_000);

        var warm = GammaGammaFitter.Fit(histories, Small, Token);
        var cold = GammaGammaFitter.Fit(histories, SubsampleStart.None, Token);

        Assert.NotNull(warm);
        Assert.NotNull(cold);
        Assert.Equal(cold.Customers, warm.Customers);
        Assert.Equal(cold.LogLikelihood, warm.LogLikelihood, 1e-11 * Math.Abs(cold.LogLikelihood));
        AssertRelative(cold.Parameters.P, warm.Parameters.P, 1e-4);
        AssertRelative(cold.Parameters.Q, warm.Parameters.Q, 1e-4);
        AssertRelative(cold.Parameters.Gamma, warm.Parameters.Gamma, 1e-4);
    }

    private static double ExpectedPurchases(IReadOnlyList<PurchaseHistory> histories, BgNbdParameters p) =>
        histories.Sum(h => p.ExpectedPurchases(h.RepeatPurchases, h.RecencyWeeks, h.AgeWeeks, 52));

    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");
}
