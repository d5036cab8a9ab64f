namespace CustomerInsight.Tests.Web.Localization;

/// <summary>
/// The UI texts (Resources/Localization): every French text has its English one and the reverse, and each
/// language's punctuation holds: no space before a colon in English; in French a non-breaking one, so a colon
/// never starts a line; no lazy plural "(s)" (see LocalizerGrammar.Plural).
/// </summary>
public sealed class ResourceFilesTests
{
    public static TheoryData<string> Features()
    {
        var data = new TheoryData<string>();
        // MudBlazorText has no English file: in English MudBlazor's own texts are used (MudBlazorLocalizer).
        foreach (var file in Directory.GetFiles(ResxFiles.Folder, "*.resx")
                     .Where(f => !f.EndsWith(".en.resx", StringComparison.Ordinal) && Path.GetFileName(f) != "MudBlazorText.resx")
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void FrenchAndEnglish_SameKeys_EachLanguagesColons(string feature)
    {
        var french = ResxFiles.Read(feature + ".resx");
        var english = ResxFiles.Read(feature + ".en.resx");

        Assert.Equal(french.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(english.Where(e => e.Value.Contains(" :", StringComparison.Ordinal)
            || e.Value.Contains("\u00a0:", StringComparison.Ordinal)).Select(e => e.Key));
        Assert.Empty(french.Where(f => f.Value.Contains(" :", StringComparison.Ordinal)).Select(f => $"{f.Key}: a plain space before the colon"));
        Assert.Empty(french.Concat(english).Where(t => t.Value.Contains("(s)", StringComparison.Ordinal)).Select(t => t.Key));
    }
}
