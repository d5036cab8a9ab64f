using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The reads of a view's first visit use the indexes made for them: SQLite's plan (<c>EXPLAIN QUERY PLAN</c>) of every
/// statement the query services send, recorded as they run. The data version's count of erased customers reads the partial
/// index of the erased (not the million customer rows); the satisfaction figures of a period read the survey index alone
/// (never the rows with their comments; their plain-SQL statements, SurveyReads); the order figures of a segment's customers read the customer index of the orders
/// alone (by month they were read row by row from the table). The figures themselves are checked against the orders in
/// <c>SalesSummariesTests</c> and the satisfaction tests, on both engines; a plan is SQLite's own.
/// </summary>
public sealed class FirstVisitQueryPlansTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Period Period = Period.Range(new DateOnly(2025, 3, 5), new DateOnly(2025, 8, 16));

    /// <summary>Every query EF Core sends: its text and parameters.</summary>
    private sealed class Recorder : DbCommandInterceptor
    {
        public List<(string Sql, (string Name, object? Value)[] Parameters)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (Commands)
            {
                Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))]));
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public List<(string Sql, (string Name, object? Value)[] Parameters)> Take()
        {
            lock (Commands)
            {
                var taken = Commands.ToList();
                Commands.Clear();
                return taken;
            }
        }
    }

    /// <summary>The plan lines of one recorded statement, run with its own parameters.</summary>
    private static async Task<List<string>> PlanAsync(TestDatabase database, (string Sql, (string Name, object? Value)[] Parameters) command)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            lines.Add(reader.GetString(3));
        }
        return lines;
    }

    /// <summary>The plan lines, one string per statement, of the recorded statements that read <paramref name="table"/>.</summary>
    private static async Task<List<string>> PlansReadingAsync(TestDatabase database, Recorder recorder, string table)
    {
        var plans = new List<string>();
        foreach (var command in recorder.Take().Where(c => c.Sql.Contains($"FROM \"{table}\"", StringComparison.Ordinal)))
        {
            plans.Add(string.Join(" | ", await PlanAsync(database, command)));
        }
        Assert.NotEmpty(plans);
        return plans;
    }

    [Fact]
    public async Task FirstVisitReads_UseTheIndexesMadeForThem()
    {
        await using var database = await TestDatabase.CreateAsync();
        var recorder = new Recorder();
        var factory = database.FactoryWith(recorder);
        int[] segment = [3, 5, 8, 13];

        await DataVersion.ReadAsync(factory, Ct);
        Assert.All(await PlansReadingAsync(database, recorder, "Customers"),
            plan => Assert.Contains("INDEX IX_Customers_Erased", plan, StringComparison.Ordinal));

        // The satisfaction figures are read in plain SQL (SurveyReads, not through EF Core): the statements it sends, for everyone
        // and for a set (whose responses are read with their customer).
        foreach (var channel in new Channel?[] { null, Channel.Web })
        {
            foreach (var (period, breakdown, set) in new[] { (Period, ScoreBreakdown.None, (int[]?)null),
                         (DashboardQueriesTrendRange(), ScoreBreakdown.BusinessMonth, null), (Period, ScoreBreakdown.None, segment) })
            {
                var (sql, parameters) = SurveyReads.ScoreHistogramsQuery(period.Start, period.End, null, channel, set, breakdown);
                Assert.Contains("USING COVERING INDEX IX_SurveyResponses_Period",
                    string.Join(" | ", await PlanAsync(database, (sql, [.. parameters]))), StringComparison.Ordinal);
            }
        }

        var kpis = new KpiQueries(factory);
        await kpis.GetMonthlyTrendAsync(DashboardQueriesTrendRange(), Channel.Web, segment, Ct);
        await kpis.GetSalesKpisAsync(Period, ComparisonMode.Previous, Channel.Store, 180, segment, Ct);
        await kpis.GetChannelBreakdownAsync(Period, segment, Ct);
        var orders = await PlansReadingAsync(database, recorder, "Orders");
        Assert.All(orders, plan => Assert.Contains("USING COVERING INDEX IX_Orders_Customer ", plan, StringComparison.Ordinal));
    }

    private static Period DashboardQueriesTrendRange() => CustomerInsight.Core.Dashboard.DashboardQueries.TrendRange(Period);
}
