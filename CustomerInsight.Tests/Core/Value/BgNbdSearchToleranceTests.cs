namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The BG/NBD search (quasi-Newton with the gradient, to a relative 1e-10 on ln L: <see cref="BgNbdFitter.SearchTolerance"/>) on
/// data where nobody drops out: the maximum lies on a flat ridge (a → 0 or b → ∞) that a Nelder-Mead search to 1e-12 walks for
/// thousands of evaluations. The fit must end as high on it, to a relative 1e-9, with the same predictions to a relative 1e-5.
/// </summary>
public sealed class BgNbdSearchToleranceTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    /// <summary>20,000 customers over two years, each buying at their own steady weekly rate, none ever dropping out.</summary>
    internal static List<PurchaseHistory> NoDropOut()
    {
        const int endDay = 730;
        var random = new Random(20261205);
        var histories = new List<PurchaseHistory>();
        for (var id = 1; id <= 20_000; id++)
        {
            var first = random.Next(0, endDay - 7);
            var perDay = (0.02 + (0.3 * random.NextDouble() * random.NextDouble())) / 7;
            var (last, repeats) = (first, 0);
            // A Poisson process from the first purchase to the end; a day with a purchase counts once.
            for (var t = first - (Math.Log(1 - random.NextDouble()) / perDay); t < endDay; t -= Math.Log(1 - random.NextDouble()) / perDay)
            {
                var day = (int)t;
                if (day > last)
                {
                    (last, repeats) = (day, repeats + 1);
                }
            }
            histories.Add(new PurchaseHistory(id, repeats, last - first, endDay - first, repeats * 25m));
        }
        return histories;
    }

    [Fact]
    public void Fit_OnARidge_EndsAsHighAsATightSearchWithTheSamePredictions()
    {
        var histories = NoDropOut();
        var fit = BgNbdFitter.Fit(histories, null, null, Token);

        // The same search from the same start, to 1e-12.
        var likelihood = new BgNbdFitter.GroupedLikelihood(histories);
        var tight = LogParameterOptimizer.Minimize(v => -likelihood.Sum(new BgNbdParameters(v[0], v[1], v[2], v[3])),
            BgNbdFitter.StartLogs(likelihood), null, Token, 1e-12);
        var reference = new BgNbdParameters(tight[0], tight[1], tight[2], tight[3]);
        var referenceLogLikelihood = likelihood.Sum(reference);

        // A ridge indeed: the drop-out probability's mean a/(a + b) is next to nothing.
        Assert.True(fit.Parameters.A / (fit.Parameters.A + fit.Parameters.B) < 1e-4, $"a {fit.Parameters.A}, b {fit.Parameters.B}");
        Assert.True(fit.LogLikelihood >= referenceLogLikelihood - (1e-9 * Math.Abs(referenceLogLikelihood)),
            $"ln L {fit.LogLikelihood:R} against {referenceLogLikelihood:R} at 1e-12");
        double Expected(BgNbdParameters p) => histories.Sum(h => p.ExpectedPurchases(h.RepeatPurchases, h.RecencyWeeks, h.AgeWeeks, 52));
        var expected = Expected(reference);
        Assert.True(Math.Abs(Expected(fit.Parameters) - expected) <= 1e-5 * expected,
            $"expected purchases {Expected(fit.Parameters):R} against {expected:R} at 1e-12");
    }
}
