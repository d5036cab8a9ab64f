using static CustomerInsight.Tests.Core.Omoc.OmocTestData;

namespace CustomerInsight.Tests.Core.Omoc;

public class OmocChartBuilderTests
{
    [Fact]
    public void LatestCompleted_DraftInLaterWorkshop_KeepsEarlierCompleted()
    {
        var sellers = Population(1, "Sellers");
        var result = OmocChartBuilder.LatestCompleted(
        [
            Completed(sellers, Scores(4, 4, 3, 3), Workshop1),
            Draft(sellers, Scores(1, null, null, null), Workshop2),
        ]);
        var only = Assert.Single(result);
        Assert.Equal(Workshop1, only.Workshop);
    }

    [Fact]
    public void LatestCompleted_TwoCompleted_LaterWorkshopByDate()
    {
        var sellers = Population(1, "Sellers");
        // The later workshop has the smaller id: the date decides.
        var early = new WorkshopInfo(9, "Early", new DateOnly(2025, 1, 1), WorkshopPhase.BeforeGoLive);
        var result = OmocChartBuilder.LatestCompleted([Completed(sellers, Scores(2, 2, 2, 2), Workshop1),
            Completed(sellers, Scores(4, 4, 4, 4), early)]);
        Assert.Equal(Workshop1, Assert.Single(result).Workshop);
    }

    [Fact]
    public void HeatMap_PopulationWithoutAssessment_RowWithEmptyCells()
    {
        var sellers = Population(1, "Sellers");
        var managers = Population(2, "Managers");
        var heatMap = OmocChartBuilder.HeatMap([sellers, managers], [Completed(sellers, Scores(4, 3, 2, 1))]);

        Assert.Equal(OmocAxes.All, heatMap.Axes);
        Assert.Equal(["Sellers", "Managers"], heatMap.Rows.Select(r => r.Population.Name));
        Assert.Equal([4, 3, 2, 1], heatMap.Rows[0].Cells.Select(c => c.Score));
        Assert.Equal(OmocAxes.All, heatMap.Rows[0].Cells.Select(c => c.Axis));
        Assert.Equal(2.5m, heatMap.Rows[0].Impact.Index);
        Assert.Null(heatMap.Rows[1].Assessment);
        Assert.All(heatMap.Rows[1].Cells, c => Assert.Null(c.Score));
        Assert.Equal(OmocImpact.None, heatMap.Rows[1].Impact);
    }

    [Fact]
    public void HeatMap_PartialDraft_EmptyCellsWhereUnscored()
    {
        var sellers = Population(1, "Sellers");
        var heatMap = OmocChartBuilder.HeatMap([sellers], [Draft(sellers, Scores(3, null, null, 2))]);
        Assert.Equal([3, null, null, 2], heatMap.Rows[0].Cells.Select(c => c.Score));
        Assert.Null(heatMap.Rows[0].Impact.Index);
    }

    [Fact]
    public void PopulationsRadar_TwoPopulations_OnePolygonEachInIdOrder()
    {
        var radar = OmocChartBuilder.PopulationsRadar(
        [
            Completed(Population(2, "Managers"), Scores(3, 2, 3, 2)),
            Draft(Population(1, "Sellers"), Scores(4, null, 3, 3)),
        ]);

        Assert.Equal(OmocAxes.All, radar.Axes);
        Assert.Equal(["Sellers", "Managers"], radar.Series.Select(s => s.Label));
        Assert.Equal([4, null, 3, 3], radar.Series[0].Values);
        Assert.Equal(AssessmentStatus.Draft, radar.Series[0].Status);
        Assert.Equal(0, RadarChart.ScaleMin);
        Assert.Equal(4, RadarChart.ScaleMax);
        Assert.Equal([1, 2, 3, 4], RadarChart.Rings);
    }

    [Fact]
    public void WorkshopsRadar_OnePopulation_CompletedWorkshopsInDateOrder()
    {
        var sellers = Population(1, "Sellers");
        var radar = OmocChartBuilder.WorkshopsRadar(1,
        [
            Completed(sellers, Scores(2, 2, 2, 2), Workshop2),
            Completed(Population(2), Scores(4, 4, 4, 4), Workshop1),
            Completed(sellers, Scores(4, 3, 3, 3), Workshop1),
        ]);
        Assert.Equal(["Cadrage", "Bilan"], radar.Series.Select(s => s.Label));
        Assert.Equal([4, 3, 3, 3], radar.Series[0].Values);
    }

    [Fact]
    public void Trend_ThreeWorkshops_EachAxisInDateOrderDraftsLeftOut()
    {
        var sellers = Population(1, "Sellers");
        var workshop3 = new WorkshopInfo(3, "Suivi", new DateOnly(2026, 9, 1), WorkshopPhase.AfterGoLive);
        var trend = OmocChartBuilder.Trend(sellers,
        [
            Completed(sellers, Scores(2, 2, 2, 2), Workshop2),
            Draft(sellers, Scores(1, 1, null, null), workshop3),
            Completed(sellers, Scores(4, 3, 3, 3), Workshop1),
            Completed(Population(2), Scores(1, 1, 1, 1), Workshop1),
        ]);

        Assert.Equal([Workshop1, Workshop2], trend.Workshops);
        Assert.Equal(OmocAxes.All, trend.Axes.Select(a => a.Axis));
        Assert.Equal([4, 2], trend.Axes[0].Scores);
        Assert.Equal([3, 2], trend.Axes[3].Scores);
        Assert.Equal([3.3m, 2.0m], trend.ImpactIndexes);
        Assert.Equal(-1.3m, trend.ImpactChange);
    }

    [Fact]
    public void Trend_SingleWorkshop_NoChange()
    {
        var sellers = Population(1, "Sellers");
        var trend = OmocChartBuilder.Trend(sellers, [Completed(sellers, Scores(2, 2, 2, 2))]);
        Assert.Single(trend.Workshops);
        Assert.Null(trend.ImpactChange);
    }

    [Fact]
    public void Trend_NoAssessment_EmptySeriesForEachAxis()
    {
        var trend = OmocChartBuilder.Trend(Population(1), []);
        Assert.Empty(trend.Workshops);
        Assert.Equal(4, trend.Axes.Count);
        Assert.All(trend.Axes, a => Assert.Empty(a.Scores));
    }
}
