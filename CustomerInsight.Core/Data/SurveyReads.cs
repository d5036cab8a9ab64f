using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Data;

/// <summary>What a score histogram is broken down by: nothing, or one column of the survey responses.</summary>
internal enum ScoreBreakdown
{
    None,
    BusinessMonth,
    Channel,
    Kind,
}

/// <summary>
/// Score histograms of the survey responses in plain SQL (<see cref="SqlReads"/>; the covering index starts with the date, the
/// kind and the channel). Standard SQL that both engines run alike. A customer set does not reach the database: the responses of
/// identified customers in the period are read and those of the set counted here (a segment of 85 k customers as one parameter
/// cost 0.28 s a statement on SQLite at 10 M order lines, the period's responses a few milliseconds: bench/RESULTS.md).
/// </summary>
internal static class SurveyReads
{
    /// <summary>
    /// Calls <paramref name="row"/> with <c>(breakdown value or null, recommend score, satisfaction score, responses)</c> for each
    /// group of the responses dated in <c>[start, end)</c>, of the kind, channel and customers when given (responses without a
    /// customer are then left out).
    /// </summary>
    public static Task ScoreHistogramsAsync(InsightDbContext db, DateOnly start, DateOnly end, SurveyKind? kind, Channel? channel,
        IReadOnlyCollection<int>? customerIds, ScoreBreakdown breakdown, Action<int?, int?, int?, long> row,
        CancellationToken cancellationToken)
    {
        var (sql, parameters) = ScoreHistogramsQuery(start, end, kind, channel, customerIds, breakdown);
        if (customerIds is null)
        {
            return SqlReads.ForEachAsync(db, sql, parameters,
                r => row(r.Nullable<int>(0), r.Nullable<int>(1), r.Nullable<int>(2), r.GetInt64(3)), cancellationToken);
        }
        return SetHistogramsAsync(db, sql, parameters, customerIds, row, cancellationToken);
    }

    /// <summary>The groups of a customer set's responses, from the rows <c>(customer, key, recommend, satisfaction)</c> of the query.</summary>
    private static async Task SetHistogramsAsync(InsightDbContext db, string sql, List<(string Name, object? Value)> parameters,
        IReadOnlyCollection<int> customerIds, Action<int?, int?, int?, long> row, CancellationToken cancellationToken)
    {
        var members = CustomerIdSet.Of(customerIds);
        var groups = new Dictionary<(int? Key, int? Recommend, int? Satisfaction), long>();
        await SqlReads.ForEachAsync(db, sql, parameters, r =>
            {
                if (members.Contains(r.GetInt32(0)))
                {
                    var group = (r.Nullable<int>(1), r.Nullable<int>(2), r.Nullable<int>(3));
                    groups[group] = groups.GetValueOrDefault(group) + 1;
                }
            },
            cancellationToken);
        foreach (var ((key, recommend, satisfaction), count) in groups)
        {
            row(key, recommend, satisfaction, count);
        }
    }

    /// <summary>The statement of <see cref="ScoreHistogramsAsync"/> and its parameters (the tests read its plan).</summary>
    internal static (string Sql, List<(string Name, object? Value)> Parameters) ScoreHistogramsQuery(DateOnly start, DateOnly end,
        SurveyKind? kind, Channel? channel, IReadOnlyCollection<int>? customerIds, ScoreBreakdown breakdown)
    {
        var where = "\"BusinessDate\" >= @start AND \"BusinessDate\" < @end";
        List<(string Name, object? Value)> parameters = [("@start", start), ("@end", end)];
        if (kind is { } k)
        {
            where += " AND \"Kind\" = @kind";
            parameters.Add(("@kind", (int)k));
        }
        if (channel is { } c)
        {
            where += " AND \"Channel\" = @channel";
            parameters.Add(("@channel", (int)c));
        }
        var key = breakdown == ScoreBreakdown.None ? null : $"\"{breakdown}\"";
        if (customerIds is not null)
        {
            // A set: each response of an identified customer, whose customer is looked up in memory.
            return ($"""
                SELECT "CustomerId", {key ?? "NULL"}, "RecommendScore", "SatisfactionScore" FROM "SurveyResponses"
                WHERE {where} AND "CustomerId" IS NOT NULL
                """, parameters);
        }
        return ($"""
            SELECT {key ?? "NULL"}, "RecommendScore", "SatisfactionScore", COUNT(*) FROM "SurveyResponses" WHERE {where}
            GROUP BY {(key is null ? "" : key + ", ")}"RecommendScore", "SatisfactionScore"
            """, parameters);
    }
}
