namespace CustomerInsight.Tests;

/// <summary>Settings of the repository's appsettings.json, as the app and the command line read them.</summary>
public static class AppSettings
{
    /// <summary>The <c>Rfm</c> section (the demo company is shown with <c>Rfm:FrequencyScoring</c> = Thresholds).</summary>
    public static IOptions<RfmOptions> Rfm()
    {
        using var configuration = new ConfigurationManager();
        AppPaths.AddRootConfiguration(configuration);
        return Options.Create(configuration.GetSection(RfmOptions.SectionName).Get<RfmOptions>() ?? new RfmOptions());
    }
}
