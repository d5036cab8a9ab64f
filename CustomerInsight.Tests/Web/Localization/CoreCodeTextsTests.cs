using System.Globalization;
using System.Reflection;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Surveys.Themes;
using CustomerInsight.Web.Localization;

namespace CustomerInsight.Tests.Web.Localization;

/// <summary>Core returns import codes and built-in theme keys; their words in both languages come from CoreText.resx.</summary>
public sealed class CoreCodeTextsTests
{
    public static TheoryData<string> ImportCodes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(ImportMessages).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ImportCodes))]
    public void ImportCode_FrenchAndEnglishTexts_Differ(string code)
    {
        var text = ImportMessages.Text(code, ["a", "b", "c"]);

        Assert.NotEqual(text.French(), text.English());
    }

    [Fact]
    public void ImportIssue_ArgumentsInBothLanguages_SameTextsAsBefore()
    {
        var issue = ImportIssue.Create(1, "Quantity", ImportMessages.HeaderMissingColumn, "Quantity", "InvoiceNo, StockCode");

        Assert.Equal("Required column \"Quantity\" is missing. Columns found: InvoiceNo, StockCode.", issue.Text.English());
        Assert.Equal("La colonne obligatoire « Quantity » est absente. Colonnes trouvées\u00a0: InvoiceNo, StockCode.", issue.Text.French());
    }

    [Fact]
    public void ImportReport_WithMessages_JsonHasEnglishMessage()
    {
        var report = new ImportReport
        {
            FileName = "f.csv",
            Format = "customers",
            Status = ImportReport.StatusRejected,
            Rejected = [ImportIssue.Create(3, "Quantity", ImportMessages.ValueInteger)],
        };

        var json = report.WithMessages(ResxTextResolver.Instance).ToJson();

        Assert.Contains("\"message\":\"Expected a whole number.\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("message", report.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultThemes_NamesInBothLanguages_FromCoreText()
    {
        var themes = ThemeDefaults.Retail(ResxTextResolver.Instance);

        Assert.Equal(8, themes.Count);
        Assert.Equal(("after-sales", "Service après-vente", "After-sales service"), (themes[2].Key, themes[2].NameFr, themes[2].NameEn));
        Assert.Equal("Retours et remboursements", themes[7].Name(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("Returns and refunds", themes[7].Name(CultureInfo.GetCultureInfo("en-GB")));
    }
}
