namespace CustomerInsight.Tests.Web.Localization;

/// <summary>One name per consent purpose everywhere: the UI's (SharedText) and the workbooks' (ReportLabels) agree, and no feature has its
/// own.</summary>
public sealed class ConsentPurposeNamesTests
{
    [Theory]
    [InlineData("SharedText.resx", "fr-FR")]
    [InlineData("SharedText.en.resx", "en-GB")]
    public void PurposeNames_UiAndWorkbooks_SameNameForEachPurpose(string file, string culture)
    {
        var texts = ResxFiles.Read(file);
        var context = new ReportContext(new ReportRequester("t", new CultureInfo(culture)),
            CoreTexts.Settings("c", "EUR", TimeZoneInfo.Utc), DateTime.UnixEpoch);
        foreach (var purpose in Enum.GetValues<ConsentPurpose>())
        {
            Assert.Equal(context.Of(purpose), texts["Purpose_" + purpose]);
        }
    }

    [Fact]
    public void PurposeNames_NoFeatureHasItsOwn()
    {
        var own = Directory.GetFiles(ResxFiles.Folder, "*.resx")
            .Where(f => !Path.GetFileName(f).StartsWith("SharedText.", StringComparison.Ordinal))
            .SelectMany(f => ResxFiles.Read(Path.GetFileName(f)).Where(t => t.Key.StartsWith("Purpose_", StringComparison.Ordinal)
                || t.Value.Contains("Marketing e-mail", StringComparison.OrdinalIgnoreCase)
                || t.Value.Contains("Marketing par", StringComparison.OrdinalIgnoreCase))
                .Select(t => $"{Path.GetFileName(f)}: {t.Key}"));
        Assert.Empty(own);
    }
}
