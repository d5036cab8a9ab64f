namespace CustomerInsight.Tests.Web.Omoc;

public sealed class OmocRadarConfigTests
{
    private static readonly WorkshopInfo Workshop = new(1, "Atelier de cadrage", new DateOnly(2026, 3, 10), WorkshopPhase.BeforeGoLive);
    private static readonly PopulationInfo Cashiers = new(1, "Caissiers", 120);
    private static readonly PopulationInfo Managers = new(2, "Managers", 15);

    private static RadarChart TwoPopulations() => OmocChartBuilder.PopulationsRadar(
    [
        new ScoredAssessment(Workshop, Cashiers, new OmocScores(4, 4, 2, 4), AssessmentStatus.Completed),
        new ScoredAssessment(Workshop, Managers, new OmocScores(2, null, 3, null), AssessmentStatus.Draft),
    ]);

    [Fact]
    public void Build_TwoPopulations_RadarWithRadialScaleZeroToFourStepOne()
    {
        using var json = JsonDocument.Parse(OmocRadarConfig.Build(TwoPopulations(), new CultureInfo("fr-FR")).ToJson());
        var root = json.RootElement;

        Assert.Equal("radar", root.GetProperty("type").GetString());
        var r = root.GetProperty("options").GetProperty("scales").GetProperty("r");
        Assert.Equal(0, r.GetProperty("min").GetDouble());
        Assert.Equal(4, r.GetProperty("max").GetDouble());
        var ticks = r.GetProperty("ticks");
        Assert.Equal(1, ticks.GetProperty("stepSize").GetDouble());
        // Rings 1–4 numbered and drawn over the polygons, whose points on the first axis would cover them.
        Assert.True(ticks.GetProperty("display").GetBoolean());
        Assert.True(ticks.GetProperty("z").GetDouble() > 0);
        Assert.True(root.GetProperty("options").GetProperty("plugins").GetProperty("legend").GetProperty("display").GetBoolean());
    }

    [Fact]
    public void Build_TwoPopulations_OneDatasetPerPopulationWithItsScoresInAxisOrder()
    {
        var config = OmocRadarConfig.Build(TwoPopulations(), new CultureInfo("fr-FR"));

        Assert.Equal(["Caissiers", "Managers"], config.Data.Datasets.Select(d => d.Label));
        Assert.Equal([4, 4, 2, 4], config.Data.Datasets[0].Values!);
        // A partial draft leaves gaps (null), not zeros that would draw a false "no impact".
        Assert.Equal([2, null, 3, null], config.Data.Datasets[1].Values!);
        Assert.Null(config.Data.Datasets[0].BorderDash);
        Assert.NotNull(config.Data.Datasets[1].BorderDash);
        Assert.NotEqual(config.Data.Datasets[0].BorderColor!.Colors[0], config.Data.Datasets[1].BorderColor!.Colors[0]);
    }

    [Theory]
    [InlineData("fr-FR", new[] { "Outils", "Métier", "Organisation", "Culture" })]
    [InlineData("en-GB", new[] { "Tools", "Job", "Organisation", "Culture" })]
    public void Build_Culture_AxisLabelsAndNumbersInThatLanguage(string culture, string[] expected)
    {
        var config = OmocRadarConfig.Build(TwoPopulations(), new CultureInfo(culture));
        Assert.Equal(expected, config.Data.Labels);
        Assert.Equal(culture, config.Options!.Locale);
    }

    [Fact]
    public void Build_NoSeries_RadarWithNoDataset()
    {
        var config = OmocRadarConfig.Build(new RadarChart(OmocAxes.All, []), new CultureInfo("fr-FR"));
        Assert.Equal(ChartType.Radar, config.Type);
        Assert.Empty(config.Data.Datasets);
        Assert.Equal(4, config.Data.Labels.Count);
    }

    [Fact]
    public void TrendBuild_TwoWorkshops_OneLinePerAxisWithYFromOneToFour()
    {
        var later = new WorkshopInfo(2, "Bilan à 3 mois", new DateOnly(2026, 9, 1), WorkshopPhase.AfterGoLive);
        var trend = OmocChartBuilder.Trend(Cashiers,
        [
            new ScoredAssessment(later, Cashiers, new OmocScores(2, 2, 1, 3), AssessmentStatus.Completed),
            new ScoredAssessment(Workshop, Cashiers, new OmocScores(4, 4, 2, 4), AssessmentStatus.Completed),
        ]);

        var config = OmocTrendConfig.Build(trend, new CultureInfo("en-GB"));

        Assert.Equal(ChartType.Line, config.Type);
        Assert.Equal("en-GB", config.Options!.Locale);
        Assert.Equal(["Tools", "Job", "Organisation", "Culture"], config.Data.Datasets.Select(d => d.Label));
        Assert.Equal([4, 2], config.Data.Datasets[0].Values!);
        Assert.Equal(4, config.Data.Datasets.Select(d => d.BorderDash is null ? "" : string.Join(",", d.BorderDash)).Distinct().Count());
        Assert.Equal(["10/03/2026 · Atelier de cadrage", "01/09/2026 · Bilan à 3 mois"], config.Data.Labels);
        using var json = JsonDocument.Parse(config.ToJson());
        var y = json.RootElement.GetProperty("options").GetProperty("scales").GetProperty("y");
        Assert.Equal(1, y.GetProperty("suggestedMin").GetDouble());
        Assert.Equal(4, y.GetProperty("suggestedMax").GetDouble());
        Assert.Equal(1, y.GetProperty("ticks").GetProperty("stepSize").GetDouble());
        // A fixed min or max makes Chart.js clip the points drawn on it: a score of 4 showed as half a dot.
        Assert.False(y.TryGetProperty("min", out _));
        Assert.False(y.TryGetProperty("max", out _));
    }
}
