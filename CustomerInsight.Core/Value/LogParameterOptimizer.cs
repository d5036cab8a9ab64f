using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using MathNet.Numerics.Optimization;

namespace CustomerInsight.Core.Value;

/// <summary>
/// Searches on the logarithms of positive parameters, kept in e^±<see cref="LogBound"/>: on data where the likelihood keeps rising
/// towards a boundary (no customer ever drops out, every customer alike) the maximum is not inside, and the search stops at the wall
/// instead of running off. Two searches: quasi-Newton (BFGS) with the objective's gradient, which the fits use, and Nelder-Mead
/// (MathNet.Numerics) with values only, kept as a reference that needs no derivative.
/// </summary>
internal static class LogParameterOptimizer
{
    public const double LogBound = 15;

    /// <summary>The search stops when the simplex's values agree to this relative difference (MathNet's criterion).</summary>
    public const double DefaultTolerance = 1e-12;

    private const int MaxIterations = 5_000;

    /// <summary>The objective at <c>parameters</c> (not their logarithms); writes its derivatives by each parameter into <c>gradient</c>.</summary>
    public delegate double SmoothObjective(double[] parameters, double[] gradient);

    /// <summary>
    /// BFGS (Nocedal and Wright, Numerical Optimization, ch. 6) on the logarithms, with a backtracking line search (Armijo) and steps of
    /// at most <see cref="MaxLogStep"/> per logarithm. The inverse Hessian's estimate H starts from the Hessian itself, by differences of
    /// the gradient (so the first steps are Newton's), and is taken afresh that way whenever the search stalls or seems done: it then
    /// stops when the last step gained at most <paramref name="tolerance"/> × |f| and the fresh quadratic model promises no more
    /// (½ gᵀHg). Where the likelihood is nearly flat along a ridge, the fresh Hessian says so and the search walks it to its end, as a
    /// tight Nelder-Mead does. A logarithm at a bound stays there while the gradient pushes it out. A few dozen evaluations where
    /// Nelder-Mead needs hundreds.
    /// </summary>
    /// <returns>The parameters (not their logarithms) maximising <paramref name="logLikelihood"/>.</returns>
    public static double[] MaximizeSmooth(SmoothObjective logLikelihood, double[] startLogs, Action<int>? evaluated,
        CancellationToken cancellationToken, double tolerance = DefaultTolerance) =>
        MinimizeSmooth((parameters, gradient) =>
        {
            var value = logLikelihood(parameters, gradient);
            for (var i = 0; i < gradient.Length; i++)
            {
                gradient[i] = -gradient[i];
            }
            return -value;
        }, startLogs, evaluated, tolerance, cancellationToken);

    private static double[] MinimizeSmooth(SmoothObjective objective, double[] startLogs, Action<int>? evaluated, double tolerance,
        CancellationToken cancellationToken)
    {
        var n = startLogs.Length;
        var evaluations = 0;
        double Evaluate(double[] logs, double[] gradient)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluated?.Invoke(++evaluations);
            var parameters = Array.ConvertAll(logs, Math.Exp);
            var value = objective(parameters, gradient);
            for (var i = 0; i < n; i++)
            {
                // d/d(ln θ) = θ d/dθ.
                gradient[i] *= parameters[i];
                if (!double.IsFinite(gradient[i]))
                {
                    return double.PositiveInfinity;
                }
            }
            return double.IsFinite(value) ? value : double.PositiveInfinity;
        }
        var x = Array.ConvertAll(startLogs, v => Math.Clamp(v, -LogBound, LogBound));
        var g = new double[n];
        var f = Evaluate(x, g);
        if (double.IsPositiveInfinity(f))
        {
            throw new ArgumentException("The objective is not finite at the start of the search.", nameof(startLogs));
        }
        var (trial, trialGradient, direction, free) = (new double[n], new double[n], new double[n], new bool[n]);
        var h = InverseHessian();
        // H is fresh from the Hessian: no BFGS update since.
        var fresh = true;
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            for (var i = 0; i < n; i++)
            {
                free[i] = IsFree(x[i], g[i]);
            }
            var slope = Direction(h, g, free, direction);
            var decrease = slope < 0 ? LineSearch() : 0;
            if (decrease <= 0)
            {
                // No step gains anything: with a fresh H, the minimum to the precision of the objective; otherwise a stale estimate.
                if (fresh)
                {
                    break;
                }
                (h, fresh) = (InverseHessian(), true);
                continue;
            }
            Update(h, x, trial, g, trialGradient);
            (x, trial) = (trial, x);
            (g, trialGradient) = (trialGradient, g);
            f -= decrease;
            fresh = false;
            var enough = tolerance * Math.Max(1, Math.Abs(f));
            if (decrease <= enough && PredictedDecrease(h, g, x) <= enough)
            {
                (h, fresh) = (InverseHessian(), true);
                if (PredictedDecrease(h, g, x) <= enough)
                {
                    break;
                }
            }
        }
        return Array.ConvertAll(x, Math.Exp);

        // Backtracks from a step of at most MaxLogStep per logarithm until the objective drops by at least 1e-4 of the slope's
        // promise (Armijo); the point in trial and its gradient in trialGradient; returns the decrease (0: none found).
        double LineSearch()
        {
            var t = Math.Min(1, MaxLogStep / direction.Max(Math.Abs));
            for (var halving = 0; halving < MaxHalvings; halving++, t /= 2)
            {
                double promise = 0;
                for (var i = 0; i < n; i++)
                {
                    trial[i] = Math.Clamp(x[i] + (t * direction[i]), -LogBound, LogBound);
                    promise += g[i] * (trial[i] - x[i]);
                }
                var value = Evaluate(trial, trialGradient);
                if (value < f && value <= f + (1e-4 * promise))
                {
                    return f - value;
                }
            }
            return 0;
        }

        // The inverse of the Hessian at x by forward differences of the gradient (n evaluations), its eigenvalues taken in absolute
        // value and at least 1e-12 of the largest (a direction of negative or no curvature becomes a long, downhill step).
        double[,] InverseHessian()
        {
            var hessian = new double[n, n];
            var probe = (double[])x.Clone();
            var probeGradient = new double[n];
            for (var j = 0; j < n; j++)
            {
                var step = x[j] + DifferenceStep <= LogBound ? DifferenceStep : -DifferenceStep;
                probe[j] = x[j] + step;
                if (double.IsPositiveInfinity(Evaluate(probe, probeGradient)))
                {
                    return Identity(n);
                }
                for (var i = 0; i < n; i++)
                {
                    hessian[i, j] = (probeGradient[i] - g[i]) / step;
                }
                probe[j] = x[j];
            }
            var symmetric = Matrix<double>.Build.Dense(n, n, (i, j) => (hessian[i, j] + hessian[j, i]) / 2);
            var evd = symmetric.Evd(Symmetricity.Symmetric);
            var magnitudes = evd.EigenValues.Select(v => Math.Abs(v.Real)).ToArray();
            var floor = Math.Max(magnitudes.Max() * 1e-12, double.Epsilon);
            var inverse = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(magnitudes.Select(v => 1 / Math.Max(v, floor)).ToArray())
                * evd.EigenVectors.Transpose();
            return inverse.ToArray();
        }
    }

    private const int MaxHalvings = 20;

    /// <summary>The step of a logarithm in the differences that estimate the Hessian.</summary>
    private const double DifferenceStep = 1e-5;

    /// <summary>Whether a logarithm may move: not at a bound that the gradient pushes it through.</summary>
    private static bool IsFree(double log, double slope) => !(log <= -LogBound && slope > 0) && !(log >= LogBound && slope < 0);

    /// <summary>The largest change of one logarithm in one step (a factor e² ≈ 7.4 on the parameter).</summary>
    private const double MaxLogStep = 2;

    private static double[,] Identity(int n)
    {
        var h = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            h[i, i] = 1;
        }
        return h;
    }

    /// <summary>d = −H g over the free coordinates (0 elsewhere); returns the slope gᵀd.</summary>
    private static double Direction(double[,] h, double[] g, bool[] free, double[] direction)
    {
        double slope = 0;
        for (var i = 0; i < g.Length; i++)
        {
            double d = 0;
            if (free[i])
            {
                for (var j = 0; j < g.Length; j++)
                {
                    d -= free[j] ? h[i, j] * g[j] : 0;
                }
            }
            direction[i] = d;
            slope += g[i] * d;
        }
        return slope;
    }

    /// <summary>½ gᵀHg over the coordinates not held at a bound by the gradient: the decrease the quadratic model still expects.</summary>
    private static double PredictedDecrease(double[,] h, double[] g, double[] x)
    {
        double sum = 0;
        for (var i = 0; i < g.Length; i++)
        {
            for (var j = 0; j < g.Length; j++)
            {
                if (IsFree(x[i], g[i]) && IsFree(x[j], g[j]))
                {
                    sum += g[i] * h[i, j] * g[j];
                }
            }
        }
        return sum / 2;
    }

    /// <summary>The BFGS update of the inverse Hessian's estimate H with s = x' − x, y = g' − g, skipped when sᵀy ≤ 0 (no curvature
    /// to learn).</summary>
    private static void Update(double[,] h, double[] x, double[] next, double[] g, double[] nextGradient)
    {
        var n = x.Length;
        var s = new double[n];
        var y = new double[n];
        double sy = 0;
        for (var i = 0; i < n; i++)
        {
            s[i] = next[i] - x[i];
            y[i] = nextGradient[i] - g[i];
            sy += s[i] * y[i];
        }
        if (!(sy > 0))
        {
            return;
        }
        // H' = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/sᵀy, as H' = H − ρ (s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ.
        var rho = 1 / sy;
        var hy = new double[n];
        double yhy = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                hy[i] += h[i, j] * y[j];
            }
            yhy += y[i] * hy[i];
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[i, j] += (-rho * ((s[i] * hy[j]) + (hy[i] * s[j]))) + (((rho * rho * yhy) + rho) * s[i] * s[j]);
            }
        }
    }

    /// <summary>Nelder-Mead: the parameters (not their logarithms) minimising <paramref name="negativeLogLikelihood"/>. The best point met
    /// is kept, so a search that uses all its iterations still answers with it.</summary>
    public static double[] Minimize(Func<double[], double> negativeLogLikelihood, double[] startLogs, Action<int>? evaluated,
        CancellationToken cancellationToken, double tolerance = DefaultTolerance)
    {
        var best = (double[])startLogs.Clone();
        var bestValue = double.MaxValue;
        var evaluations = 0;
        double Objective(Vector<double> logs)
        {
            if (++evaluations % 50 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                evaluated?.Invoke(evaluations);
            }
            var values = new double[logs.Count];
            for (var i = 0; i < values.Length; i++)
            {
                if (!(Math.Abs(logs[i]) <= LogBound))
                {
                    return double.MaxValue;
                }
                values[i] = Math.Exp(logs[i]);
            }
            var value = negativeLogLikelihood(values);
            if (!double.IsFinite(value))
            {
                return double.MaxValue;
            }
            if (value < bestValue)
            {
                bestValue = value;
                for (var i = 0; i < best.Length; i++)
                {
                    best[i] = logs[i];
                }
            }
            return value;
        }
        var objective = ObjectiveFunction.Value(Objective);
        var simplex = new NelderMeadSimplex(tolerance, MaxIterations);
        try
        {
            var first = simplex.FindMinimum(objective, Vector<double>.Build.Dense(startLogs), Vector<double>.Build.Dense(startLogs.Length, 0.5));
            // A restart from the optimum: Nelder-Mead can stall on a ridge, a fresh simplex walks on.
            simplex.FindMinimum(objective, first.MinimizingPoint, Vector<double>.Build.Dense(startLogs.Length, 0.1));
        }
        catch (MaximumIterationsException)
        {
            // The best point met stands.
        }
        return best.Select(Math.Exp).ToArray();
    }
}
