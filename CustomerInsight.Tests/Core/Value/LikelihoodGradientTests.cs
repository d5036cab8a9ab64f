namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The fits climb the log-likelihoods with their closed-form derivatives (<see cref="LogParameterOptimizer.MaximizeSmooth"/>): each
/// derivative must be the slope of the log-likelihood itself, checked here by central differences on the CDNOW sample, at the
/// published parameters and far from them.
/// </summary>
public sealed class LikelihoodGradientTests
{
    private static List<PurchaseHistory> Cdnow() =>
        PurchaseHistoryBuilder.Build(CdnowData.Days(CdnowData.CalibrationEnd), CdnowData.CalibrationEnd).ToList();

    public static TheoryData<double, double, double, double> BgNbdPoints => new()
    {
        { 0.243, 4.414, 0.793, 2.426 },
        { 1.7, 12.0, 0.05, 30.0 },
        { 0.02, 0.5, 3.0, 0.2 },
    };

    [Theory]
    [MemberData(nameof(BgNbdPoints))]
    public void BgNbd_GradientIsTheSlopeOfTheLogLikelihood(double r, double alpha, double a, double b)
    {
        var likelihood = new BgNbdFitter.GroupedLikelihood(Cdnow());
        double[] at = [r, alpha, a, b];
        var gradient = new double[4];
        var value = likelihood.Evaluate(new BgNbdParameters(r, alpha, a, b), gradient);

        Assert.Equal(likelihood.Sum(new BgNbdParameters(r, alpha, a, b)), value);
        AssertSlopes(v => likelihood.Sum(new BgNbdParameters(v[0], v[1], v[2], v[3])), at, gradient);
    }

    [Fact]
    public void BgNbd_CustomersInAnyOrder_OneGroupPerDistinctHistory_TheSameSumToTheBitAsPerCustomer()
    {
        var ordered = Cdnow();
        var shuffled = ordered.OrderBy(h => (h.CustomerId * 7919) % 1009).ThenByDescending(h => h.CustomerId).ToList();
        var parameters = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);

        var grouped = new BgNbdFitter.GroupedLikelihood(ordered);
        var regrouped = new BgNbdFitter.GroupedLikelihood(shuffled);

        Assert.Equal(ordered.Select(h => (h.RepeatPurchases, h.FirstToLastDays, h.FirstToEndDays)).Distinct().Count(), grouped.Groups);
        Assert.Equal(grouped.Groups, regrouped.Groups);
        Assert.Equal(grouped.Sum(parameters), regrouped.Sum(parameters));
        var direct = ordered.Sum(h => parameters.LogLikelihood(h.RepeatPurchases, h.RecencyWeeks, h.AgeWeeks));
        Assert.Equal(direct, grouped.Sum(parameters), 1e-9 * Math.Abs(direct));
    }

    public static TheoryData<double, double, double> GammaGammaPoints => new()
    {
        { 6.25, 3.74, 15.44 },
        { 0.8, 12.0, 200.0 },
        { 30.0, 1.5, 2.0 },
    };

    [Theory]
    [MemberData(nameof(GammaGammaPoints))]
    public void GammaGamma_GradientIsTheSlopeOfTheLogLikelihood(double p, double q, double gamma)
    {
        var buyers = Cdnow().Where(h => h.RepeatPurchases > 0 && h.RepeatValue > 0).ToList();
        var likelihood = new GammaGammaLikelihood([.. buyers.Select(h => (double)h.RepeatPurchases)], [.. buyers.Select(h => (double)h.RepeatValue)],
            buyers.Count);
        var gradient = new double[3];
        var value = likelihood.Evaluate(new GammaGammaParameters(p, q, gamma), gradient);

        // The same ln L as the per-customer formula of metrics.md.
        var direct = buyers.Sum(h => new GammaGammaParameters(p, q, gamma).LogLikelihood(h.RepeatPurchases, (double)h.MeanRepeatValue!.Value));
        Assert.Equal(direct, value, 1e-9 * Math.Abs(direct));
        AssertSlopes(v => likelihood.Evaluate(new GammaGammaParameters(v[0], v[1], v[2]), new double[3]), [p, q, gamma], gradient);
    }

    /// <summary>Each derivative against (f(θ + h) − f(θ − h)) / 2h, h a millionth of the parameter.</summary>
    private static void AssertSlopes(Func<double[], double> f, double[] at, double[] gradient)
    {
        for (var i = 0; i < at.Length; i++)
        {
            var step = at[i] * 1e-6;
            var up = (double[])at.Clone();
            var down = (double[])at.Clone();
            up[i] += step;
            down[i] -= step;
            var slope = (f(up) - f(down)) / (2 * step);
            Assert.True(Math.Abs(gradient[i] - slope) <= 1e-5 * Math.Max(1, Math.Abs(slope)),
                $"parameter {i} at [{string.Join(", ", at)}]: derivative {gradient[i]:R}, slope {slope:R}");
        }
    }
}
