using System.Text;
using CustomerInsight.Tests.Core.Value;

namespace CustomerInsight.Tests.Core.Segments;

/// <summary>
/// Rules on P(alive) and CLV over the CDNOW sample imported into a real SQLite file: at the analysis date 1997-10-01 the
/// facts carry the value model fitted on the purchases before it (calibration end 1997-09-30, the papers' fit); P(alive)
/// is compared in percent.
/// </summary>
public class SegmentationValueTests : EngineTestBase, IAsyncLifetime
{
    private static readonly DateOnly AnalysisDate = CdnowData.CalibrationEnd.AddDays(1);

    private ImportTestContext context = null!;
    private SegmentationQueries queries = null!;
    private ClvQueries clv = null!;
    private RfmResult scores = null!;

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
        Assert.True((await context.ImportAsync(context.WriteFile("cdnow.csv", csv.ToString()), ImportFormat.OrderLines, Token)).Succeeded);
        var factory = context.Database.Factory;
        var rfm = new RfmQueries(factory, Options.Create(new RfmOptions()));
        scores = await rfm.ScoreAsync(AnalysisDate, Token);
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
        var predictions = await clv.GetPredictionsAsync(CdnowData.CalibrationEnd, scores.Customers.Select(c => c.CustomerId), Token);
        var likelyLost = predictions.Values.Count(v => v.ProbabilityAlive < 0.5);
        var valuable = predictions.Values.Count(v => v.Clv is { } c && c >= 100);
        Assert.True(likelyLost > 0 && likelyLost < scores.Customers.Count, $"{likelyLost} of {scores.Customers.Count}: the sample has both");
        Assert.True(valuable > 0);

        var lost = await queries.CountAsync(One(new SegmentCondition(SegmentField.PAlive, RuleOperator.Less, "50")), AnalysisDate, Token);
        var high = await queries.CountAsync(One(new SegmentCondition(SegmentField.Clv, RuleOperator.GreaterOrEqual, "100")), AnalysisDate, Token);
        var withoutValue = await queries.GetFactsAsync(AnalysisDate, Token);

        Assert.Equal(likelyLost, lost.Segments[0].Customers);
        Assert.Equal(valuable, high.Segments[0].Customers);
        // Facts for rules that do not need the model carry no prediction: it is fitted only when a rule asks.
        Assert.All(withoutValue, f => Assert.Null(f.PAlive));
    }
}

/// <summary>Every test of <see cref="SegmentationValueTests"/> on PostgreSQL.</summary>
public sealed class SegmentationValueOnPostgresTests : SegmentationValueTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
