namespace CustomerInsight.Tests.Core.Surveys;

/// <summary>
/// metrics.md's NPS example (recommend scores 10, 9, 9, 8, 7, 6, 5, 3, 10, 9) as March 2011
/// responses on a real SQLite file: the first six transactional on the web, the last four
/// relational without channel; plus a satisfaction-only response in March and one in April.
/// </summary>
public class SatisfactionQueriesTests : DatabaseTestBase
{
    private static readonly int[] NpsExample = [10, 9, 9, 8, 7, 6, 5, 3, 10, 9];
    private SatisfactionQueries queries = null!;

    protected override async Task ArrangeAsync()
    {
        queries = new SatisfactionQueries(Database.Factory);
        await using var db = Database.CreateContext();
        db.Customers.Add(new Customer { Id = 1, SourceId = "C1", LastName = "Secret" });
        for (var i = 0; i < NpsExample.Length; i++)
        {
            var transactional = i < 6;
            db.SurveyResponses.Add(Response($"r{i}", $"2011-03-{i + 1:00}", NpsExample[i], null,
                transactional ? SurveyKind.Transactional : SurveyKind.Relational, transactional ? Channel.Web : null,
                comment: i == 5 ? "Late delivery" : i == 7 ? "Rude staff" : null));
        }
        db.SurveyResponses.Add(Response("s1", "2011-03-20", null, 4, SurveyKind.Transactional, Channel.Store, "   "));
        db.SurveyResponses.Add(Response("april", "2011-04-02", 0, 1, SurveyKind.Transactional, Channel.Web, "Never again"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static SurveyResponse Response(string id, string date, int? recommend,
        int? satisfaction, SurveyKind kind, Channel? channel, string? comment = null) =>
        TestSurveys.Create(id, TestOrders.Day(date), recommend, satisfaction, kind, channel, comment, customer: 1);

    private static readonly SatisfactionFilter March = new(Period.Month(2011, 3));

    [Fact]
    public async Task GetFactsAsync_MarchNpsExample_Nps20Margin54SmallSample()
    {
        var facts = await queries.GetFactsAsync(March, TestContext.Current.CancellationToken);
        var kpis = SatisfactionCalculator.Calculate(facts, 30);

        Assert.Equal(10, kpis.NpsResponses);
        Assert.Equal(20.0, kpis.Nps!.Value, 10);
        Assert.Equal(54.0, kpis.NpsMarginOfError!.Value, 1);
        Assert.True(kpis.IsNpsSmallSample);
        Assert.Equal(1, kpis.CsatResponses); // the satisfaction-only response; April left out
        Assert.Equal(1.0, kpis.Csat);
        Assert.Equal(3, facts.RecommendHistogram[9]);
    }

    [Fact]
    public async Task GetFactsAsync_WebTransactional_OnlyMatchingResponses()
    {
        var facts = await queries.GetFactsAsync(March with { Channel = Channel.Web, Kind = SurveyKind.Transactional },
            TestContext.Current.CancellationToken);

        // 10, 9, 9 promoters, 8, 7 passives, 6 detractor.
        var kpis = SatisfactionCalculator.Calculate(facts);
        Assert.Equal(6, kpis.NpsResponses);
        Assert.Equal(100.0 * (3 - 1) / 6, kpis.Nps!.Value, 10);
        Assert.Equal(0, kpis.CsatResponses);
    }

    [Fact]
    public async Task GetByMonthAsync_MarchToApril_EachMonthItsOwnResponses()
    {
        var months = await queries.GetByMonthAsync(new SatisfactionFilter(Period.Range(new DateOnly(2011, 2, 1), new DateOnly(2011, 5, 1))),
            TestContext.Current.CancellationToken);

        Assert.Equal([201102, 201103, 201104], months.Select(m => m.Month));
        Assert.Equal(SatisfactionFacts.Empty, months[0].Facts);
        Assert.Equal(10, months[1].Facts.RecommendResponses);
        Assert.Equal(-100.0, SatisfactionCalculator.Calculate(months[2].Facts).Nps);
    }

    [Fact]
    public async Task GetByChannelAsync_March_WebStoreAndNoChannelLast()
    {
        var channels = await queries.GetByChannelAsync(March, TestContext.Current.CancellationToken);

        Assert.Equal([Channel.Web, Channel.Store, null], channels.Select(c => c.Channel));
        Assert.Equal(6, channels[0].Facts.RecommendResponses);
        Assert.Equal(1, channels[1].Facts.SatisfactionResponses);
        // Relational: 5, 3, 10, 9 → 2 promoters, 2 detractors.
        Assert.Equal(0.0, SatisfactionCalculator.Calculate(channels[2].Facts).Nps);
    }

    [Fact]
    public async Task GetByKindAsync_March_TransactionalAndRelational()
    {
        var kinds = await queries.GetByKindAsync(March, TestContext.Current.CancellationToken);

        Assert.Equal([SurveyKind.Transactional, SurveyKind.Relational], kinds.Select(k => k.Kind));
        Assert.Equal(6, kinds[0].Facts.RecommendResponses);
        Assert.Equal(1, kinds[0].Facts.SatisfactionResponses);
        Assert.Equal(4, kinds[1].Facts.RecommendResponses);
    }

    [Fact]
    public async Task GetLatestCommentsAsync_March_NewestFirstBlankCommentsLeftOut()
    {
        var comments = await queries.GetLatestCommentsAsync(March, 10, TestContext.Current.CancellationToken);

        Assert.Equal(["Rude staff", "Late delivery"], comments.Select(c => c.Comment));
        Assert.Equal(new DateOnly(2011, 3, 8), comments[0].Date);
        Assert.Equal(3, comments[0].RecommendScore);
        Assert.Equal(SurveyKind.Relational, comments[0].Kind);
        Assert.Null(comments[0].Channel);
    }

    [Fact]
    public async Task GetLatestCommentsAsync_CountOne_OnlyNewest()
    {
        var comments = await queries.GetLatestCommentsAsync(March, 1, TestContext.Current.CancellationToken);

        Assert.Equal("Rude staff", Assert.Single(comments).Comment);
    }
}

/// <summary>Every test of <see cref="SatisfactionQueriesTests"/> on PostgreSQL.</summary>
public sealed class SatisfactionQueriesOnPostgresTests : SatisfactionQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
