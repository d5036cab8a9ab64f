using System.Xml.Linq;

namespace CustomerInsight.Tests.Web.Localization;

/// <summary>The Web project's UI texts (Resources/Localization) as the tests read them: one file's texts by name.</summary>
public static class ResxFiles
{
    public static readonly string Folder =
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "CustomerInsight.Web", "Resources", "Localization");

    /// <summary>The texts of a file of <see cref="Folder"/> (<c>SharedText.en.resx</c>) by name.</summary>
    public static Dictionary<string, string> Read(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");
}
