using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CustomerInsight.Core.Value;

/// <summary>
/// Nelder-Mead (MathNet.Numerics) on the logarithms of positive parameters, kept in e^±<see cref="LogBound"/>:
/// on data where the likelihood keeps rising towards a boundary (no customer ever drops out, every customer alike)
/// the maximum is not inside, and the search stops at the wall instead of running off. The best point met is kept,
/// so a search that uses all its iterations still answers with it.
/// </summary>
internal static class LogParameterOptimizer
{
    public const double LogBound = 15;

    /// <summary>The search stops when the simplex's values agree to this relative difference (MathNet's criterion).</summary>
    public const double DefaultTolerance = 1e-12;

    private const int MaxIterations = 5_000;

    /// <summary>The parameters (not their logarithms) minimising <paramref name="negativeLogLikelihood"/>.</summary>
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
