namespace CustomerInsight.Tests.Core.Data;

/// <summary>Survey responses as the tests write them into a database: answered at noon UTC on their business day unless told.</summary>
public static class TestSurveys
{
    public static SurveyResponse Create(string id, DateOnly day, int? recommend, int? satisfaction = null,
        SurveyKind kind = SurveyKind.Transactional, Channel? channel = null, string? comment = null, int? customer = null,
        TimeOnly? at = null) => new()
    {
        SourceId = id,
        CustomerId = customer,
        RespondedAtUtc = day.ToDateTime(at ?? new TimeOnly(12, 0), DateTimeKind.Utc),
        BusinessDate = day,
        BusinessMonth = BusinessCalendar.MonthKey(day),
        Kind = kind,
        Channel = channel,
        RecommendScore = recommend,
        SatisfactionScore = satisfaction,
        Comment = comment,
    };
}
