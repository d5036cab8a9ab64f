namespace CustomerInsight.Tests.Core.Value;

/// <summary>
/// The quasi-Newton search of the fits (<see cref="LogParameterOptimizer.MaximizeSmooth"/>) on functions whose maximum is known,
/// including a curved valley, a maximum beyond the bound and a nearly flat ridge; and against a tight Nelder-Mead on the CDNOW fit.
/// </summary>
public sealed class LogParameterOptimizerTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Fact]
    public void MaximizeSmooth_CurvedValley_FindsTheTop()
    {
        // Rosenbrock's valley in the logarithms u, v: −(1 − u)² − 100 (v − u²)², highest at u = v = 1.
        var found = LogParameterOptimizer.MaximizeSmooth((theta, gradient) =>
        {
            var (u, v) = (Math.Log(theta[0]), Math.Log(theta[1]));
            gradient[0] = ((2 * (1 - u)) + (400 * u * (v - (u * u)))) / theta[0];
            gradient[1] = -200 * (v - (u * u)) / theta[1];
            return -((1 - u) * (1 - u)) - (100 * (v - (u * u)) * (v - (u * u)));
        }, [-1.2, 1.0], null, Token);

        Assert.Equal(Math.E, found[0], 1e-5);
        Assert.Equal(Math.E, found[1], 1e-5);
    }

    [Fact]
    public void MaximizeSmooth_NearlyFlatRidge_WalksToItsTop()
    {
        // Steep across (u − v), a gentle slope along (u + v) up to u + v = 6: the first curvature seen says little of the ridge.
        var found = LogParameterOptimizer.MaximizeSmooth((theta, gradient) =>
        {
            var (u, v) = (Math.Log(theta[0]), Math.Log(theta[1]));
            var across = u - v;
            var along = u + v - 6;
            gradient[0] = ((-2e4 * across) - (2e-3 * along)) / theta[0];
            gradient[1] = ((2e4 * across) - (2e-3 * along)) / theta[1];
            return (-1e4 * across * across) - (1e-3 * along * along);
        }, [0.5, -0.5], null, Token, 1e-14);

        Assert.Equal(Math.Exp(3), found[0], 1e-4 * Math.Exp(3));
        Assert.Equal(Math.Exp(3), found[1], 1e-4 * Math.Exp(3));
    }

    [Fact]
    public void MaximizeSmooth_LongBendingValley_FindsItsEnd()
    {
        // Steep across the parabola v = u², barely rising along it up to u = 3: the curvature met at the start is wrong further on.
        var found = LogParameterOptimizer.MaximizeSmooth((theta, gradient) =>
        {
            var (u, v) = (Math.Log(theta[0]), Math.Log(theta[1]));
            var across = v - (u * u);
            gradient[0] = ((4e4 * across * u) - (2e-3 * (u - 3))) / theta[0];
            gradient[1] = -2e4 * across / theta[1];
            return (-1e4 * across * across) - (1e-3 * (u - 3) * (u - 3));
        }, [0.0, 0.0], null, Token, 1e-14);

        Assert.Equal(3, Math.Log(found[0]), 1e-3);
        Assert.Equal(9, Math.Log(found[1]), 1e-3);
    }

    [Fact]
    public void MaximizeSmooth_MaximumBeyondTheBound_StopsAtTheBound()
    {
        // −1/θ₀ rises forever with θ₀; −(ln θ₁ − 2)² is highest at e².
        var found = LogParameterOptimizer.MaximizeSmooth((theta, gradient) =>
        {
            gradient[0] = 1 / (theta[0] * theta[0]);
            gradient[1] = -2 * (Math.Log(theta[1]) - 2) / theta[1];
            return (-1 / theta[0]) - Math.Pow(Math.Log(theta[1]) - 2, 2);
        }, [0.0, 0.0], null, Token);

        Assert.Equal(LogParameterOptimizer.LogBound, Math.Log(found[0]), 1e-9);
        Assert.Equal(Math.Exp(2), found[1], 1e-5);
    }

    [Fact]
    public void MaximizeSmooth_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => LogParameterOptimizer.MaximizeSmooth((theta, gradient) =>
        {
            gradient[0] = -2 * Math.Log(theta[0]) / theta[0];
            return -Math.Pow(Math.Log(theta[0]), 2);
        }, [1.0], null, cancelled.Token));
    }

    [Fact]
    public void BgNbdFit_OnCdnow_AsHighAsATightNelderMead()
    {
        var histories = PurchaseHistoryBuilder.Build(CdnowData.Days(CdnowData.CalibrationEnd), CdnowData.CalibrationEnd).ToList();
        var fit = BgNbdFitter.Fit(histories, null, null, Token);

        var likelihood = new BgNbdFitter.GroupedLikelihood(histories);
        var tight = LogParameterOptimizer.Minimize(v => -likelihood.Sum(new BgNbdParameters(v[0], v[1], v[2], v[3])),
            BgNbdFitter.StartLogs(likelihood), null, Token, 1e-14);
        var reference = likelihood.Sum(new BgNbdParameters(tight[0], tight[1], tight[2], tight[3]));

        Assert.True(fit.LogLikelihood >= reference - (1e-10 * Math.Abs(reference)), $"ln L {fit.LogLikelihood:R} against {reference:R}");
        double[] parameters = [fit.Parameters.R, fit.Parameters.Alpha, fit.Parameters.A, fit.Parameters.B];
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(tight[i], parameters[i], 1e-4 * tight[i]);
        }
    }
}
