using MathNet.Numerics;

namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// <see cref="GammaRatio"/> against exact finite forms: for a whole x, Γ(z + x)/Γ(z) = z(z+1)…(z+x−1), so
/// ln Γ(b+a) − ln Γ(b) − [ln Γ(b+x+a) − ln Γ(b+x)] = −Σ_{k&lt;x} ln(1 + a/(b+k)) and the ψ difference is Σ_{k&lt;x} a/((b+k)(a+b+k)):
/// the BG/NBD's a and b terms of one customer with x repeat purchases, computed without any ln Γ. At b in the millions they are about
/// 1e-8; the difference of two ln Γ there is off by about as much (a unit in the last place of ln Γ(b)), which these tolerances refuse.
/// </summary>
public sealed class GammaRatioTests
{
    public static TheoryData<double, double> Points => new()
    {
        // CDNOW's a and b: below the series' threshold (plain ln Γ differences), then across it as x grows.
        { 0.793, 2.426 },
        { 0.793, 95.5 },
        // The 10 M-line benchmark's ridge: b at the search's bound e^15, a small or not.
        { 0.0172, 3_269_017.3724721107 },
        { 0.0000003, 3_269_017.3724721107 },
        { 40.0, 3_269_017.3724721107 },
        { 2.5, 150.25 },
    };

    [Theory]
    [MemberData(nameof(Points))]
    public void Differences_AreTheFiniteProductsAndSums(double a, double b)
    {
        foreach (var x in new[] { 1, 2, 7, 30, 200 })
        {
            double exactLog = 0, exactDiGamma = 0;
            for (var k = 0; k < x; k++)
            {
                exactLog -= GammaRatio.LogOnePlus(a / (b + k));
                exactDiGamma += a / ((b + k) * (a + b + k));
            }
            AssertDifference("ln Γ", GammaRatio.Log(b, a), GammaRatio.Log(b + x, a), exactLog);
            AssertDifference("ψ", GammaRatio.DiGamma(b, a), GammaRatio.DiGamma(b + x, a), exactDiGamma);
        }

        // To the rounding of the two differences themselves (about a ln b each for ln Γ), not to that of ln Γ(b) (4.6e7 at b = 3.3e6,
        // 7e-9 its last place).
        void AssertDifference(string what, double left, double right, double exact) =>
            Assert.True(Math.Abs(left - right - exact) <= 1e-13 * (Math.Abs(left) + Math.Abs(right)),
                $"{what}: a {a}, b {b}: {left - right:R} against {exact:R}");
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(99.25)]
    [InlineData(100)]
    [InlineData(12_345.678)]
    [InlineData(3_269_017.3724721107)]
    public void WholeSteps_AreLogarithmsAndInverses(double z)
    {
        // Γ(z + 1) = z Γ(z), ψ(z + 1) = ψ(z) + 1/z.
        Assert.Equal(Math.Log(z), GammaRatio.Log(z, 1), 1e-13 * Math.Abs(Math.Log(z)));
        Assert.Equal(Math.Log(z) + Math.Log(z + 1), GammaRatio.Log(z, 2), 1e-13 * Math.Abs(Math.Log(z) + Math.Log(z + 1)));
        Assert.Equal(1 / z, GammaRatio.DiGamma(z, 1), 1e-13 / z);
        Assert.Equal(0, GammaRatio.Log(z, 0));
        Assert.Equal(0, GammaRatio.DiGamma(z, 0));
    }

    [Fact]
    public void AwayFromLargeArguments_TheSameAsMathNet()
    {
        foreach (var (z, a) in new[] { (2.426, 0.793), (150.0, 3.5), (1_000.0, 0.25) })
        {
            var direct = SpecialFunctions.GammaLn(z + a) - SpecialFunctions.GammaLn(z);
            Assert.Equal(direct, GammaRatio.Log(z, a), 1e-12 * Math.Abs(direct));
            var psi = SpecialFunctions.DiGamma(z + a) - SpecialFunctions.DiGamma(z);
            Assert.Equal(psi, GammaRatio.DiGamma(z, a), 1e-11 * Math.Abs(psi));
        }
    }

    [Fact]
    public void LogOnePlus_KeepsTheDigitsOfSmallArguments()
    {
        Assert.Equal(1e-12 - 5e-25, GammaRatio.LogOnePlus(1e-12), 1e-28);
        Assert.Equal(3e-20, GammaRatio.LogOnePlus(3e-20));
        Assert.Equal(Math.Log(2.5), GammaRatio.LogOnePlus(1.5), 1e-15);
    }
}
