namespace CustomerInsight.Tests.Web.Charts;

public sealed class ChartJsTests : BunitTestBase
{
    private readonly BunitJSModuleInterop module;

    public ChartJsTests()
    {
        JSInterop.Mode = JSRuntimeMode.Strict;
        module = JSInterop.SetupModule(ChartJs.ModulePath);
        module.SetupVoid("create", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    [Fact]
    public void FirstRender_CreatesTheChartWithTheSerialisedConfig()
    {
        var config = BarConfig(1, 2, 3);

        Render<ChartJs>(p => p.Add(c => c.Config, config).Add(c => c.AriaLabel, "Ventes"));

        var create = Assert.Single(module.VerifyInvoke("create").Arguments.Chunk(3));
        using var json = JsonDocument.Parse((string)create[2]!);
        Assert.Equal("bar", json.RootElement.GetProperty("type").GetString());
        Assert.Equal([1, 2, 3],
            json.RootElement.GetProperty("data").GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(["Jan", "Fév", "Mar"], json.RootElement.GetProperty("data").GetProperty("labels").EnumerateArray().Select(v => v.GetString()));
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "update");
    }

    [Fact]
    public void NewConfig_UpdatesTheChartInPlace()
    {
        var chart = Render<ChartJs>(p => p.Add(c => c.Config, BarConfig(1, 2, 3)).Add(c => c.AriaLabel, "Ventes"));

        chart.Render(p => p.Add(c => c.Config, BarConfig(4, 5, 6)));

        var update = module.VerifyInvoke("update");
        using var json = JsonDocument.Parse((string)update.Arguments[1]!);
        Assert.Equal([4, 5, 6],
            json.RootElement.GetProperty("data").GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Single(module.Invocations, i => i.Identifier == "create");
    }

    [Fact]
    public void Drawn_OnceTheBrowserShowsTheChart_AfterEachRender_NotBeforeItIsCreated()
    {
        // The browser has not answered the creation yet.
        var creating = module.SetupVoid("create", _ => true);
        var drawn = 0;
        var chart = Render<ChartJs>(p => p.Add(c => c.Config, BarConfig(1, 2, 3)).Add(c => c.AriaLabel, "Ventes")
            .Add(c => c.Drawn, () => drawn++));
        Assert.Equal(0, drawn);

        creating.SetVoidResult();
        chart.WaitForAssertion(() => Assert.Equal(1, drawn));
        chart.Render(p => p.Add(c => c.Config, BarConfig(4, 5, 6)));
        chart.Render(p => p.Add(c => c.Config, BarConfig(4, 5, 6)));

        // After the update, and after a render that kept the chart as it was.
        Assert.Equal(3, drawn);
        Assert.Single(module.Invocations, i => i.Identifier == "update");
    }

    [Fact]
    public void SameConfigAgain_DoesNotRedraw()
    {
        var chart = Render<ChartJs>(p => p.Add(c => c.Config, BarConfig(1, 2, 3)).Add(c => c.AriaLabel, "Ventes"));
        chart.Render(p => p.Add(c => c.Config, BarConfig(1, 2, 3)));
        Assert.DoesNotContain(module.Invocations, i => i.Identifier == "update");
    }

    [Fact]
    public async Task Dispose_DestroysTheChartOfThisCanvas()
    {
        var chart = Render<ChartJs>(p => p.Add(c => c.Config, BarConfig(1, 2, 3)).Add(c => c.AriaLabel, "Ventes"));
        var id = (string)module.VerifyInvoke("create").Arguments[1]!;
        Assert.Equal(id, chart.Find("canvas").Id);

        await DisposeComponentsAsync();

        Assert.Equal(id, (string)module.VerifyInvoke("destroy").Arguments[0]!);
    }

    [Fact]
    public void Serialise_ColoursAndBubblePoints_UseChartJsShapes()
    {
        var config = new ChartConfig(ChartType.Bubble, new ChartData([],
        [
            new ChartDataset("A") { Points = [new BubblePoint(1, 2, 3)], BackgroundColor = "#ff0000" },
            new ChartDataset("B") { Values = [1, null], BackgroundColor = new[] { "#000000", "#ffffff" } },
        ]));

        using var json = JsonDocument.Parse(config.ToJson());
        var datasets = json.RootElement.GetProperty("data").GetProperty("datasets");
        Assert.Equal(3, datasets[0].GetProperty("data")[0].GetProperty("r").GetDouble());
        Assert.Equal("#ff0000", datasets[0].GetProperty("backgroundColor").GetString());
        Assert.Equal(JsonValueKind.Array, datasets[1].GetProperty("backgroundColor").ValueKind);
        Assert.Equal(JsonValueKind.Null, datasets[1].GetProperty("data")[1].ValueKind);
        Assert.False(datasets[0].TryGetProperty("borderColor", out _));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("en-GB")]
    [UseCulture]
    public void FirstRender_ChartJsFormatsNumbersInTheCurrentCulture(string culture)
    {
        Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
        var config = BarConfig(1000, 1200) with { Options = new ChartOptions() };

        Render<ChartJs>(p => p.Add(c => c.Config, config).Add(c => c.AriaLabel, "Ventes"));

        using var json = JsonDocument.Parse((string)module.VerifyInvoke("create").Arguments[2]!);
        Assert.Equal(culture, json.RootElement.GetProperty("options").GetProperty("locale").GetString());
    }

    private static ChartConfig BarConfig(params double[] values) => new(
        ChartType.Bar,
        new ChartData(["Jan", "Fév", "Mar"], [new ChartDataset("Ventes") { Values = values.Select(v => (double?)v).ToList() }]));
}
