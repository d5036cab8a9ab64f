namespace CustomerInsight.Tests.Integration;

/// <summary>Each feature's options are bound from their section and validated once, when the app starts.</summary>
public sealed class FeatureOptionsTests
{
    [Fact]
    public async Task Start_ImportSection_BoundIntoTheImportOptions()
    {
        await using var app = new InsightAppFactory(new Dictionary<string, string?>
        {
            ["DemoData:Enabled"] = "false",
            ["Import:MaxRejectedListed"] = "7",
            ["Import:WriteCacheMegabytes"] = "64",
        });

        var options = app.Services.GetRequiredService<IOptions<ImportOptions>>().Value;

        Assert.Equal((7, 64, 100), (options.MaxRejectedListed, options.WriteCacheMegabytes, options.MaxUploadMegabytes));
    }

    [Theory]
    [InlineData("Import:ProgressEveryRows", "0", nameof(ImportOptions.ProgressEveryRows))]
    [InlineData("Privacy:RetentionMonths", "0", nameof(PrivacyOptions.RetentionMonths))]
    [InlineData("Business:TimeZone", "Mars/Olympus_Mons", "TimeZone")]
    public async Task Start_InvalidSetting_RefusedNamingIt(string key, string value, string member)
    {
        await using var app = new InsightAppFactory(new Dictionary<string, string?> { ["DemoData:Enabled"] = "false", [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains(member, refused.Message, StringComparison.Ordinal);
    }
}
