using MudBlazor;

namespace CustomerInsight.Tests.Web.Dashboard;

public sealed class KpiCardTests : BunitTestBase
{
    private IRenderedComponent<KpiCard> RenderCard(KpiChange change, string value =
        "50,00 €", string previous = "40,00 €", bool smallSample = false, int decimals = 0,
        double coverage = 1, ComparisonMode compare = ComparisonMode.Previous) =>
        Render<KpiCard>(p => p
            .Add(c => c.Title, "Panier moyen")
            .Add(c => c.Value, value)
            .Add(c => c.Previous, previous)
            .Add(c => c.Change, change)
            .Add(c => c.DifferenceDecimals, decimals)
            .Add(c => c.SmallSample, smallSample)
            .Add(c => c.Coverage, coverage)
            .Add(c => c.Compare, compare));

    [Fact]
    public void FullCoverage_NoComparisonMark()
    {
        var card = RenderCard(KpiChange.Of(Kpi.AverageBasket, 50m, 40m));

        Assert.Empty(card.FindAll("[data-testid=kpi-coverage]"));
    }

    [Fact]
    public void PartialCoverage_ShowsTheChangeMarkedPartialWithTheShareOfDays()
    {
        // A custom 2011 over the public data: 31 of 2010's 365 days have data.
        var card = RenderCard(KpiChange.Of(Kpi.NetRevenue, 150m, 100m), coverage: 31.0 / 365);

        Assert.Equal("+50,0\u00a0%", card.Find("[data-testid=kpi-change]").TextContent.Trim());
        var mark = card.Find("[data-testid=kpi-coverage]");
        Assert.Equal("partial", mark.GetAttribute("data-coverage"));
        Assert.Equal("partielle (8,5\u00a0% des jours ont des données)", mark.TextContent.Trim());
    }

    [Fact]
    public void NoCoverage_ShowsNoChangeNoArrowAndSaysNotAvailable()
    {
        var card = RenderCard(KpiChange.Of(Kpi.NetRevenue, 1200m, 0m), coverage: 0);

        Assert.Equal("n.d.", card.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=kpi-trend]"));
        Assert.Equal(Color.Default, card.Instance.ChangeColor);
        var mark = card.Find("[data-testid=kpi-coverage]");
        Assert.Equal("none", mark.GetAttribute("data-coverage"));
        Assert.StartsWith("n.d.", mark.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void LastYearMode_LabelsThePreviousValueAsLastYear()
    {
        var card = RenderCard(KpiChange.Of(Kpi.AverageBasket, 50m, 40m), compare: ComparisonMode.LastYear);

        Assert.Equal("Même période l'an dernier\u00a0: 40,00 €", card.Find("[data-testid=kpi-previous]").TextContent.Trim());
    }

    [Fact]
    public void AmountUp_ShowsValuePreviousAndGreenRelativeChange()
    {
        var card = RenderCard(KpiChange.Of(Kpi.AverageBasket, 50m, 40m));

        Assert.Equal("50,00 €", card.Find("[data-testid=kpi-value]").TextContent.Trim());
        Assert.Contains("40,00 €", card.Find("[data-testid=kpi-previous]").TextContent, StringComparison.Ordinal);
        Assert.Equal("+25,0\u00a0%", card.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Equal("good", card.Find("[data-testid=kpi-change]").GetAttribute("data-good"));
        Assert.Equal("Up", card.Find("[data-testid=kpi-trend]").GetAttribute("data-trend"));
        Assert.Equal(Color.Success, card.Instance.ChangeColor);
        Assert.Empty(card.FindAll("[data-testid=kpi-small-sample]"));
    }

    [Theory]
    [InlineData(Kpi.ChurnRate, 0.6, "60,0 %", "+10,0\u00a0pts", "Up")]
    [InlineData(Kpi.RetentionRate, 0.4, "40,0 %", "-10,0\u00a0pts", "Down")]
    public void RateChange_BadNewsInRedWithItsArrow(Kpi kpi, double value, string shown, string change, string trend)
    {
        var card = RenderCard(KpiChange.Of(kpi, value, 0.5), shown, "50,0 %");

        Assert.Equal(change, card.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Equal("bad", card.Find("[data-testid=kpi-change]").GetAttribute("data-good"));
        Assert.Equal(trend, card.Find("[data-testid=kpi-trend]").GetAttribute("data-trend"));
        Assert.Equal(Color.Error, card.Instance.ChangeColor);
    }

    [Fact]
    public void Undefined_ShowsNotAvailableWithoutArrowOrColour()
    {
        var card = RenderCard(KpiChange.Of(Kpi.AverageBasket, null, 40m), "n.d.", "40,00 €");

        Assert.Equal("n.d.", card.Find("[data-testid=kpi-value]").TextContent.Trim());
        Assert.Equal("n.d.", card.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Empty(card.FindAll("[data-testid=kpi-trend]"));
        Assert.Equal(Color.Default, card.Instance.ChangeColor);
    }

    [Fact]
    public void NpsSmallSample_ShowsTheMarkAndAnIntegerDifference()
    {
        var card = RenderCard(KpiChange.Of(Kpi.Nps, 20.0, 12.5), "+20", "+13", smallSample: true);

        Assert.Single(card.FindAll("[data-testid=kpi-small-sample]"));
        Assert.Equal("+8", card.Find("[data-testid=kpi-change]").TextContent.Trim());
    }
}
