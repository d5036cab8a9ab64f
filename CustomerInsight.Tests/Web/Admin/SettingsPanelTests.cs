using CustomerInsight.Web.Components.Pages.Admin;

namespace CustomerInsight.Tests.Web.Admin;

public sealed class SettingsPanelTests : BunitTestBase
{
    [Fact]
    public void Render_ShowsTheSettingsInEffectUnderTheirInterfaceKeys()
    {
        Services.AddSingleton(Options.Create(new DatabaseOptions()));
        Services.AddSingleton(Options.Create(new DemoDataOptions { Enabled = false, Customers = 12_000 }));
        Services.AddSingleton(Options.Create(new PrivacyOptions { RetentionMonths = 24 }));
        Services.AddSingleton(Options.Create(new ImportOptions { MaxUploadMegabytes = 250 }));
        Services.AddSingleton(Options.Create(new KpiOptions { LapsedAfterDays = 90, MinResponses = 50 }));

        var panel = Render<SettingsPanel>();

        string Value(string key) => panel.Find($"[data-setting='{key}'] td:nth-child(2)").TextContent.Trim();
        Assert.Equal(9, panel.FindAll("[data-setting]").Count);
        Assert.Equal("non", Value("DemoData:Enabled"));
        Assert.Equal("12\u202f000", Value("DemoData:Customers"));
        Assert.Equal("24", Value("Privacy:RetentionMonths"));
        Assert.Equal("250", Value("Import:MaxUploadMegabytes"));
        Assert.Equal("90", Value("Kpi:LapsedAfterDays"));
        Assert.Equal("50", Value("Kpi:MinResponses"));
        Assert.Equal("Europe/Paris", Value("Business:TimeZone"));
        Assert.Contains("purge", panel.Find("[data-setting='Privacy:RetentionMonths'] td:nth-child(3)").TextContent, StringComparison.Ordinal);
    }
}
