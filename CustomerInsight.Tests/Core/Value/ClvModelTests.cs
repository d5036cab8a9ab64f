namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The formulas of metrics.md ("Customer lifetime value and churn") against reference values computed with
/// mpmath 1.3.0 (Python, 30 significant digits: mpmath.hyp2f1, mpmath.loggamma, mpmath.beta), from the
/// formulas as metrics.md writes them, at the published CDNOW parameters r = 0.243, α = 4.414, a = 0.793, b = 2.426.
/// </summary>
public sealed class ClvModelTests
{
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    private static void AssertRelative(double expected, double actual, double tolerance = 1e-10) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Theory]
    // Series region.
    [InlineData(0.5, 1.5, 2.0, 0.25, 1.1117323958533620713)]
    [InlineData(2.243, 4.426, 4.219, 0.6017543453607054, 8.8842374545405869655)]
    [InlineData(10.243, 12.426, 12.219, 0.5, 1374.2684067862672319)]
    // Near 1: the transformation to 1 − z.
    [InlineData(0.243, 2.426, 2.219, 0.9, 1.9476311698186013473)]
    [InlineData(1.243, 3.426, 3.219, 0.75, 6.5096688594560633976)]
    [InlineData(0.3, 2.7, 2.0, 0.98, 12.493536916990898864)]
    [InlineData(3.243, 5.426, 5.219, 0.95, 27856.236575736974345)]
    // c − a − b an integer (0): the formula's poles, taken either side.
    [InlineData(1.0, 2.0, 2.0, 0.95, 19.999999999999982236)]
    [InlineData(1.0, 2.0, 3.0, 0.999999, 25.631074377994163325)]
    [InlineData(0.5, 0.5, 1.0, 0.9999, 3.8143642420736259199)]
    public void Log2F1_KnownValues_MatchMpmath(double a, double b, double c, double z, double expected) =>
        AssertRelative(Math.Log(expected), Hypergeometric.Log2F1(a, b, c, z), 1e-9);

    [Fact]
    public void Log2F1_LargeBAndCAwayFromOne_WhereTheTransformationCancels_MatchesMpmath() =>
        // A fit at a boundary (a → 0, b ≈ 3,500) on generated data: A&S 15.3.6's two terms cancel at w = 0.24.
        AssertRelative(1.086499741025525446704745689075091248747,
            Hypergeometric.Log2F1(0.7602980739717548, 3503.933981769312, 3502.9339820790747, 0.7602454380208385), 1e-9);

    [Fact]
    public void GrowingTerms_IsWhereTheRatioOfTermsFallsBelowOne()
    {
        // Euler's series of the ridge's case: ratio z(a+n)(b+n)/((c+n)(n+1)) ≥ 1 up to n ≈ 4.9 million.
        var (a, b, c, z) = (3844927.9 - 0.166, 3844927.9 - 3182269.9, 3844927.9, 0.8827656784392452);
        var n = Hypergeometric.GrowingTerms(a, b, c, z);
        static double Ratio(double a, double b, double c, double z, double n) => z * (a + n) * (b + n) / ((c + n) * (n + 1));
        Assert.InRange(n, 4e6, 6e6);
        Assert.True(Ratio(a, b, c, z, Math.Floor(n) - 1) >= 1);
        Assert.True(Ratio(a, b, c, z, Math.Ceiling(n) + 1) < 1);
        // The series itself shrinks from its first term.
        Assert.Equal(0, Hypergeometric.GrowingTerms(0.166, 3182269.9, 3844927.9, z));
    }

    [Theory]
    // Values far beyond a double: compared as logarithms (ln of mpmath's 2.2207965605738384e151 and 7.9272834902587538e400).
    [InlineData(50.243, 52.426, 52.219, 0.999, 348.48821498469709)]
    [InlineData(200.243, 202.426, 202.219, 0.99, 923.10434761345004)]
    // A fit on a ridge of a 150-customer demo base: a and b both in the millions, so c − b ≈ 660,000 and Euler's series would grow for
    // about 5 million terms; the series itself shrinks from the start (reference: its terms summed by mpmath at 40 digits, 309 terms).
    [InlineData(0.166, 3182269.9, 3844927.9, 0.8827656784392452, 0.2177337859239806224360721)]
    // b huge and c ≈ b (almost no one drops out): Euler's series, as before (1,014 terms of the series itself at 40 digits).
    [InlineData(2.2, 3000002.0, 3000001.0001, 0.9, 5.065693803902923822735509)]
    public void Log2F1_HugeValuesOrParameters_AsLogarithms_MatchMpmath(double a, double b, double c, double z, double expectedLog) =>
        AssertRelative(expectedLog, Hypergeometric.Log2F1(a, b, c, z), 1e-9);

    [Theory]
    [InlineData(2, 30.43, 38.86, 39, 1.2260281747671445, 0.72657857008067291, -9.4586063070662712)]
    [InlineData(0, 0, 38.86, 39, 0.19509805201126264, 1.0, -0.55471327643815845)]
    [InlineData(7, 35, 38, 52, 5.7286816643460994, 0.86199106509343288, -22.012920134497155)]
    [InlineData(50, 300, 301, 520, 55.092483824326842, 0.98214224322553557, -145.36627980808698)]
    public void BgNbd_CustomerFormulas_MatchMpmath(int x, double tx, double age,
        double weeks, double expectedPurchases, double alive, double logLikelihood)
    {
        AssertRelative(expectedPurchases, Cdnow.ExpectedPurchases(x, tx, age, weeks), 1e-9);
        AssertRelative(alive, Cdnow.ProbabilityAlive(x, tx, age));
        AssertRelative(logLikelihood, Cdnow.LogLikelihood(x, tx, age));
    }

    [Fact]
    public void ExpectedPurchases_NewCustomerOnTheCalibrationEnd_MatchesMpmath() =>
        AssertRelative(1.4460505953964037, Cdnow.ExpectedPurchases(0, 0, 0, 52), 1e-9);

    [Fact]
    public void ExpectedRepeatPurchasesSinceFirst_MatchesMpmath()
    {
        AssertRelative(1.1967231933208168, Cdnow.ExpectedRepeatPurchasesSinceFirst(39), 1e-9);
        AssertRelative(1.8605190579427685, Cdnow.ExpectedRepeatPurchasesSinceFirst(78), 1e-9);
    }

    [Fact]
    public void GammaGamma_SpendAndLikelihood_MatchMetricsFormulas()
    {
        var model = new GammaGammaParameters(6.25, 3.74, 15.44);
        AssertRelative(22.376686831084225, model.ExpectedSpend(3, 20.5));
        AssertRelative(35.218978102189781, model.ExpectedSpend(0, 0));
        AssertRelative(-3.4804983543930639, model.LogLikelihood(3, 20.5));
    }

    [Fact]
    public void Build_SameDayOrders_AreOnePurchaseAndTheFirstIsLeftOutOfTheValue()
    {
        var end = new DateOnly(2024, 3, 31);
        PurchaseDay[] days =
        [
            new(1, new DateOnly(2024, 1, 1), 10m),
            new(1, new DateOnly(2024, 1, 15), 30m),
            new(1, new DateOnly(2024, 1, 29), 50m),
            new(2, new DateOnly(2024, 3, 31), 99m),
        ];
        var histories = PurchaseHistoryBuilder.Build(days, end).ToList();
        Assert.Equal(new PurchaseHistory(1, 2, 28, 90, 80m), histories[0]);
        Assert.Equal(40m, histories[0].MeanRepeatValue);
        Assert.Equal(4.0, histories[0].RecencyWeeks);
        Assert.Equal(new PurchaseHistory(2, 0, 0, 0, 0m), histories[1]);
        Assert.Null(histories[1].MeanRepeatValue);
    }

    [Fact]
    public void Calculate_DiscountRate_LowersValueButNotPurchases()
    {
        var histories = PurchaseHistoryBuilder.Build(CdnowData.Days(CdnowData.CalibrationEnd), CdnowData.CalibrationEnd).ToList();
        var plain = ClvCalculator.Calculate(histories, CdnowData.CalibrationEnd, 52, 0, null, null, TestContext.Current.CancellationToken);
        var discounted = ClvCalculator.Calculate(histories, CdnowData.CalibrationEnd, 52, 0.10, null, null, TestContext.Current.CancellationToken);
        Assert.Equal(plain.ExpectedRepeatPurchases, discounted.ExpectedRepeatPurchases, 9);
        // Purchases spread over the year, discounted by 1.1^(week/52): between 1/1.1 and 1 of the undiscounted value.
        Assert.InRange(discounted.ExpectedValue!.Value / plain.ExpectedValue!.Value, 1 / 1.1, 0.999);
        var customer = plain.Customers[0];
        Assert.Equal(customer.ExpectedPurchases * customer.ExpectedSpend!.Value, customer.Clv!.Value, 9);
        Assert.Equal(customer, plain.Find(customer.CustomerId));
    }

    [Fact]
    public void Calculate_HistoriesInAnyOrder_EveryCustomerInIdOrderWithTheFormulasOfTheFittedParameters()
    {
        var ordered = PurchaseHistoryBuilder.Build(CdnowData.Days(CdnowData.CalibrationEnd), CdnowData.CalibrationEnd).ToList();
        var shuffled = ordered.OrderBy(h => (h.CustomerId * 7919) % 1009).ThenBy(h => h.CustomerId).ToList();
        Assert.NotEqual(ordered.Select(h => h.CustomerId), shuffled.Select(h => h.CustomerId));
        var fit = ClvCalculator.Calculate(shuffled, CdnowData.CalibrationEnd, 52, 0, null, null, TestContext.Current.CancellationToken);

        Assert.Equal(ordered.Select(h => h.CustomerId), fit.Customers.Select(c => c.CustomerId));
        // The fits sum over the customers as they come (the mean age where BG/NBD starts, Gamma-Gamma's sums): the same to rounding.
        var inOrder = ClvCalculator.Calculate(ordered, CdnowData.CalibrationEnd, 52, 0, null, null, TestContext.Current.CancellationToken);
        AssertRelative(inOrder.BgNbd.LogLikelihood, fit.BgNbd.LogLikelihood, 1e-12);
        AssertRelative(inOrder.BgNbd.Parameters.B, fit.BgNbd.Parameters.B, 1e-6);
        AssertRelative(inOrder.GammaGamma!.Parameters.Gamma, fit.GammaGamma!.Parameters.Gamma, 1e-6);
        var (p, g) = (fit.BgNbd.Parameters, fit.GammaGamma!.Parameters);
        foreach (var (h, c) in ordered.Zip(fit.Customers))
        {
            Assert.Equal(h.RepeatPurchases, c.RepeatPurchases);
            Assert.Equal(h.RecencyWeeks, c.RecencyWeeks);
            Assert.Equal(h.AgeWeeks, c.AgeWeeks);
            AssertRelative(p.ProbabilityAlive(h.RepeatPurchases, h.RecencyWeeks, h.AgeWeeks), c.ProbabilityAlive, 1e-14);
            AssertRelative(p.ExpectedPurchases(h.RepeatPurchases, h.RecencyWeeks, h.AgeWeeks, 52), c.ExpectedPurchases, 1e-14);
            var spend = g.ExpectedSpend(h.RepeatPurchases, (double)(h.MeanRepeatValue ?? 0));
            AssertRelative(spend, c.ExpectedSpend!.Value, 1e-14);
            AssertRelative(c.ExpectedPurchases * spend, c.Clv!.Value, 1e-14);
            Assert.Equal(c, fit.Find(h.CustomerId));
        }
        Assert.Null(fit.Find(ordered[^1].CustomerId + 1));
        Assert.Null(fit.Find(-1));
    }

    [Fact]
    public void WarmUpHistories_AreAValidBaseThatBothModelsFit()
    {
        // A warm-up whose fit failed every round would warm nothing: its generated base fits, with drop-out (a > 0, b finite).
        var histories = ClvCalculator.WarmUpHistories();
        var fit = ClvCalculator.Calculate(histories, new DateOnly(2000, 12, 31), 52, 0, null, null, TestContext.Current.CancellationToken);

        Assert.Equal(500, fit.Customers.Count);
        Assert.All(histories, h => Assert.InRange(h.FirstToLastDays, h.RepeatPurchases, h.FirstToEndDays));
        Assert.InRange(histories.Count(h => h.RepeatPurchases > 0), 125, 475);
        Assert.InRange(fit.BgNbd.Parameters.B, 1e-3, 1e4);
        Assert.InRange(fit.Customers.Average(c => c.ProbabilityAlive), 0.2, 0.99);
        Assert.NotNull(fit.GammaGamma);
        Assert.True(double.IsFinite(fit.ExpectedValue!.Value) && fit.ExpectedValue > 0);
    }
}
