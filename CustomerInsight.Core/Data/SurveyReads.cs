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
/// kind and the channel). Standard SQL that both engines run alike; a customer set is one parameter
/// (<see cref="DatabaseProvider.InIdSet"/>).
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
        var (sql, parameters) = ScoreHistogramsQuery(DatabaseProvider.Of(db.Database), start, end, kind, channel, customerIds, breakdown);
        return SqlReads.ForEachAsync(db, sql, parameters,
            r => row(r.Nullable<int>(0), r.Nullable<int>(1), r.Nullable<int>(2), r.GetInt64(3)), cancellationToken);
    }

    /// <summary>The statement of <see cref="ScoreHistogramsAsync"/> and its parameters (the tests read its plan).</summary>
    internal static (string Sql, List<(string Name, object? Value)> Parameters) ScoreHistogramsQuery(DatabaseProvider provider,
        DateOnly start, DateOnly end, SurveyKind? kind, Channel? channel, IReadOnlyCollection<int>? customerIds, ScoreBreakdown breakdown)
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
        if (customerIds is not null)
        {
            // One parameter whatever the size of the set (SQLite refuses more than 32,766 variables).
            where += " AND \"CustomerId\" IS NOT NULL AND " + provider.InIdSet("\"CustomerId\"", "@ids");
            parameters.Add(("@ids", provider.IdSetValue(customerIds)));
        }
        var key = breakdown == ScoreBreakdown.None ? null : $"\"{breakdown}\"";
        return ($"""
            SELECT {key ?? "NULL"}, "RecommendScore", "SatisfactionScore", COUNT(*) FROM "SurveyResponses" WHERE {where}
            GROUP BY {(key is null ? "" : key + ", ")}"RecommendScore", "SatisfactionScore"
            """, parameters);
    }
}
