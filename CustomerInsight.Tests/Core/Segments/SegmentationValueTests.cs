using CustomerInsight.Core.Data;
using System.Globalization;
using System.Text;
using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Segments;
using CustomerInsight.Core.Value;
using CustomerInsight.Tests.Core.Importing;
using CustomerInsight.Tests.Core.Value;
using Microsoft.Extensions.Options;

namespace CustomerInsight.Tests.Core.Segments;

/// <summary>
/// Rules on P(alive) and CLV over the CDNOW sample imported into a real SQLite file: at the analysis date 1997-10-01 the
/// facts carry the value model fitted on the purchases before it (calibration end 1997-09-30, the papers' fit); P(alive)
/// is compared in percent.
/// </summary>
public class SegmentationValueTests : IAsyncLifetime
{
    /// <summary>The engine these tests run on; <see cref="SegmentationValueOnPostgresTests"/> runs them all on PostgreSQL.</summary>
    protected virtual DatabaseEngine Engine => DatabaseEngine.Sqlite;

    private static readonly DateOnly AnalysisDate = CdnowData.CalibrationEnd.AddDays(1);

    private ImportTestContext context = null!;
    private SegmentationQueries queries = null!;
    private ClvQueries clv = null!;
    private RfmResult scores = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        context = await ImportTestContext.CreateAsync("USD", engine: Engine);
        var rows = CdnowData.Rows();
        var csv = new StringBuilder("OrderId,CustomerId,OrderedAt,Channel,Kind,ProductCode,Description,Quantity,UnitPrice\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (customer, date, value) = rows[i];
            csv.Append(CultureInfo.InvariantCulture, $"{customer}-{date:yyyyMMdd}-{i + 1},{customer},{date:yyyy-MM-dd},Web,Sale,CD,CDs,1,{value}\n");
        }
        Assert.True((await context.ImportAsync(context.WriteFile("cdnow.csv", csv.ToString()), ImportFormat.OrderLines, Ct)).Succeeded);
        var factory = context.Database.Factory;
        var rfm = new RfmQueries(factory, Options.Create(new RfmOptions()));
        scores = await rfm.ScoreAsync(AnalysisDate, Ct);
        clv = new ClvQueries(factory, Options.Create(new ClvOptions()), TimeProvider.System);
        queries = new SegmentationQueries(factory, new RfmScoreCache(rfm, factory, TimeProvider.System), new ConsentQueries(factory),
            BusinessCalendar.ForZone("Europe/Paris"), new AuditLog(factory, TimeProvider.System), TimeProvider.System, clv);
    }

    public async ValueTask DisposeAsync()
    {
        await context.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static SegmentationDefinition One(params SegmentCondition[] conditions) =>
        new([new SegmentDefinition("s", "S", RuleMatch.All, [new SegmentRuleGroup(RuleMatch.All, conditions)])]);

    [Fact]
    public async Task CountAsync_PAliveInPercentAndClv_FromTheFitBeforeTheAnalysisDate()
    {
        var predictions = await clv.GetPredictionsAsync(CdnowData.CalibrationEnd, scores.Customers.Select(c => c.CustomerId), Ct);
        var likelyLost = predictions.Values.Count(v => v.ProbabilityAlive < 0.5);
        var valuable = predictions.Values.Count(v => v.Clv is { } c && c >= 100);
        Assert.True(likelyLost > 0 && likelyLost < scores.Customers.Count, $"{likelyLost} of {scores.Customers.Count}: the sample has both");
        Assert.True(valuable > 0);

        var lost = await queries.CountAsync(One(new SegmentCondition(SegmentField.PAlive, RuleOperator.Less, "50")), AnalysisDate, Ct);
        var high = await queries.CountAsync(One(new SegmentCondition(SegmentField.Clv, RuleOperator.GreaterOrEqual, "100")), AnalysisDate, Ct);
        var withoutValue = await queries.GetFactsAsync(AnalysisDate, Ct);

        Assert.Equal(likelyLost, lost.Segments[0].Customers);
        Assert.Equal(valuable, high.Segments[0].Customers);
        // Facts for rules that do not need the model carry no prediction: it is fitted only when a rule asks.
        Assert.All(withoutValue, f => Assert.Null(f.PAlive));
    }

    [Fact]
    public async Task GetValueAsync_TwoProfilesOnPAliveAndRecency_SumsAndMeansOfTheFitPerProfile()
    {
        var definition = new SegmentationDefinition([
            new SegmentDefinition("", "Probablement perdus", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.PAlive, RuleOperator.Less, "50")])]),
            new SegmentDefinition("", "Récents", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.RecencyScore, RuleOperator.GreaterOrEqual, "4")])]),
        ]);
        var saved = await queries.SaveAsync(null, "Deux profils", definition, 0, "Premier découpage", "analyste@test", Ct);
        var report = (await clv.GetReportAsync(CdnowData.CalibrationEnd, cancellationToken: Ct))!;

        var value = (await queries.GetValueAsync(report.Model, saved.Key!, Ct))!;

        // Directly: the first profile takes P(alive) below 50 %, the second R score 4 or 5 of the others, the rest is in none.
        var recency = scores.Customers.ToDictionary(c => c.CustomerId, c => c.RecencyScore);
        var expected = report.Model.Customers
            .GroupBy(c => c.ProbabilityAlive < 0.5 ? 0 : recency[c.CustomerId] >= 4 ? 1 : SegmentationValue.NoSegment)
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Alive: g.Average(c => c.ProbabilityAlive),
                Purchases: g.Sum(c => c.ExpectedPurchases), Clv: g.Sum(c => c.Clv!.Value)));
        Assert.Equal(3, expected.Count);
        Assert.Equal(("Deux profils", 1, AnalysisDate), (value.Version.Name, value.Version.Number, value.AnalysisDate));
        Assert.Equal([0, 1, SegmentationValue.NoSegment], value.Segments.Select(s => s.Segment));
        foreach (var row in value.Segments)
        {
            var e = expected[row.Segment];
            Assert.Equal(e.Count, row.Customers);
            Assert.Equal(e.Alive, row.MeanProbabilityAlive, 9);
            Assert.Equal(e.Purchases, row.ExpectedPurchases, 6);
            Assert.Equal(e.Clv, row.ExpectedValue!.Value, 4);
        }
        Assert.Null(await queries.GetValueAsync(report.Model, "inconnue", Ct));
    }
}

/// <summary>Every test of <see cref="SegmentationValueTests"/> on PostgreSQL.</summary>
public sealed class SegmentationValueOnPostgresTests : SegmentationValueTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
