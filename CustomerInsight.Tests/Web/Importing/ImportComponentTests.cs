using CustomerInsight.Core.Importing.Reading;
using CustomerInsight.Web.Components.Pages.Data;

namespace CustomerInsight.Tests.Web.Importing;

public sealed class ImportPreviewViewTests : BunitTestBase
{
    private static ImportPreview Detected() => new(
        "ventes.csv", ImportFileKind.Csv, "windows-1252", ";", ImportFormat.OrderLines, FormatDetected: true,
        ["OrderId", "Remarque", "Quantity"],
        [new("OrderId", "OrderId"), new("Remarque", null), new("Quantity", "Quantity")],
        [["A-1", "urgent", "3"], ["A-2", "", "5"]],
        []);

    [Fact]
    public void Render_DetectedFile_ShowsShapeFormatMappingAndFirstRows()
    {
        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, Detected()));

        Assert.Contains("windows-1252", view.Find("[data-testid=import-encoding]").TextContent, StringComparison.Ordinal);
        Assert.Contains(";", view.Find("[data-testid=import-separator]").TextContent, StringComparison.Ordinal);
        Assert.Contains("CSV", view.Find("[data-testid=import-kind]").TextContent, StringComparison.Ordinal);
        Assert.Contains("détecté", view.Markup, StringComparison.Ordinal);
        var mapping = view.FindAll("[data-testid=import-mapping] tbody tr").Select(r => r.TextContent.Trim()).ToList();
        Assert.Equal(3, mapping.Count);
        Assert.Contains("ignorée", mapping[1], StringComparison.Ordinal);
        var rows = view.FindAll("[data-testid=import-rows] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Equal(["A-1", "urgent", "3"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Empty(view.FindAll("[data-testid=import-preview-issues]"));
    }

    [Fact]
    public void Render_MissingColumn_ShowsTheLocalisedProblem()
    {
        var issue = ImportIssue.Create(1, null, ImportMessages.HeaderMissingColumn, "Quantity", "OrderId, Remarque");
        var preview = Detected() with { FormatDetected = false, Issues = [issue] };

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        var problems = view.Find("[data-testid=import-preview-issues]").TextContent;
        Assert.Contains("La colonne obligatoire « Quantity » est absente", problems, StringComparison.Ordinal);
        Assert.False(preview.CanImport);
    }

    [Fact]
    public void Render_ColumnsTheFormatDoesNotRead_ListedAboveTheMapping()
    {
        var preview = Detected() with { IgnoredColumns = ["Remarque"] };

        var view = Render<ImportPreviewView>(p => p.Add(c => c.Preview, preview));

        Assert.Equal("Colonnes ignorées (ce format ne les lit pas)\u00a0: Remarque",
            view.Find("[data-testid=import-preview-ignored]").TextContent.Trim());
    }

    [Fact]
    public async Task ChooseFormat_AnotherFormat_RaisesFormatChanged()
    {
        ImportFormat? chosen = null;
        var view = Render<ImportPreviewView>(p => p
            .Add(c => c.Preview, Detected())
            .Add(c => c.FormatChanged, (ImportFormat f) => chosen = f));

        var select = view.FindComponent<MudBlazor.MudSelect<ImportFormat?>>();
        await view.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(ImportFormat.Surveys));

        Assert.Equal(ImportFormat.Surveys, chosen);
        // The format by its name, with the command line's code.
        Assert.Equal("Lignes de commande (order-lines)", view.Find("input[data-testid=import-format]").GetAttribute("value"));
        Assert.Equal("Réponses aux enquêtes (surveys)", select.Instance.ToStringFunc!(ImportFormat.Surveys));
    }
}

public sealed class ImportReportViewTests : BunitTestBase
{
    [Fact]
    public void Render_Succeeded_ShowsCountsSkippedReasonsAndEntities()
    {
        var report = new ImportReport
        {
            FileName = "retail.csv", Format = "online-retail", Status = ImportReport.StatusSucceeded, BatchId = 7,
            RowsRead = 1234, RowsImported = 1200, DuplicateRows = 30,
            Skipped = new Dictionary<string, int> { [ImportMessages.SkipAdjustment] = 4 },
            Orders = new EntityCounts(50, 0), Customers = new EntityCounts(12, 3),
        };

        var view = Render<ImportReportView>(p => p.Add(c => c.Report, report));

        Assert.Equal(1234.ToString("N0", CultureInfo.CurrentCulture), view.Find("[data-testid=rows-read]").TextContent);
        Assert.Equal(1200.ToString("N0", CultureInfo.CurrentCulture), view.Find("[data-testid=rows-imported]").TextContent);
        Assert.Equal("30", view.Find("[data-testid=duplicate-rows]").TextContent);
        Assert.Contains("Écritures d'ajustement", view.Find("[data-testid=import-skipped]").TextContent, StringComparison.Ordinal);
        var entities = view.FindAll("[data-testid=import-entities] tbody tr").Select(r =>
            r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["Commandes", "50", "0"], entities[0]);
        Assert.Equal(["Clients", "12", "3"], entities[1]);
        Assert.Empty(view.FindAll("[data-testid=import-rejected]"));
        Assert.Contains("Importé", view.Find("[data-testid=import-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Rejected_ListsRowsWithRowColumnAndLocalisedMessageAndNoEntities()
    {
        var report = new ImportReport
        {
            FileName = "bad.csv", Format = "order-lines", Status = ImportReport.StatusRejected,
            RowsRead = 3, RejectedCount = 2,
            Rejected = [ImportIssue.Create(3, "Quantity", ImportMessages.ValueInteger), ImportIssue.Create(1, null, ImportMessages.FileNoData)],
        };

        var view = Render<ImportReportView>(p => p.Add(c => c.Report, report));

        var rows = view.FindAll("[data-testid=import-rejected] tbody tr").Select(r =>
            r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal(["3", "Quantity", "Nombre entier attendu."], rows[0]);
        Assert.Equal("fichier", rows[1][1]);
        Assert.Equal("2", view.Find("[data-testid=rejected-rows]").TextContent);
        Assert.Empty(view.FindAll("[data-testid=import-entities]"));
        // Every problem listed: no "first 2 of 2"; the format by its name.
        Assert.Contains("Problèmes (2)\u00a0:", view.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("premiers", view.Markup, StringComparison.Ordinal);
        Assert.Contains("bad.csv (Lignes de commande)", view.Markup, StringComparison.Ordinal);
        Assert.Contains("rien n'a été importé", view.Find("[data-testid=import-status]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IgnoredColumnsAndRowNumbering_SaidToTheUser()
    {
        var report = new ImportReport
        {
            FileName = "customers.csv", Format = "customers", Status = ImportReport.StatusRejected, RowsRead = 3, RejectedCount = 1,
            Rejected = [ImportIssue.Create(3, "CreatedAt", ImportMessages.ValueDate)],
            IgnoredColumns = ["Loyalty tier", "Notes"],
        };

        var view = Render<ImportReportView>(p => p.Add(c => c.Report, report));

        Assert.Equal("Colonnes ignorées (ce format ne les lit pas)\u00a0: Loyalty tier, Notes",
            view.Find("[data-testid=import-ignored-columns]").TextContent.Trim());
        Assert.Contains("les noms de colonnes sont la ligne 1",
            view.Find("[data-testid=import-row-numbering]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    [UseCulture("en-GB")]
    public void Render_English_MessagesAreEnglish()
    {
        var report = new ImportReport
        {
            FileName = "bad.csv", Format = "order-lines", Status = ImportReport.StatusRejected, RowsRead = 3, RejectedCount = 1,
            Rejected = [ImportIssue.Create(3, "Quantity", ImportMessages.ValueInteger)],
        };

        var view = Render<ImportReportView>(p => p.Add(c => c.Report, report));

        Assert.Contains("Expected a whole number.", view.Find("[data-testid=import-rejected]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Rows read", view.Markup, StringComparison.Ordinal);
    }
}

public sealed class ImportHistoryTableTests : BunitTestBase
{
    private static readonly DateTime At = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<ImportHistoryEntry> Entries() =>
    [
        new(3, At, At, "analyste@demo.local", "retail.csv", "online-retail", ImportStatus.Succeeded, 10, 10, 0, 0, "GBP"),
        new(2, At, At, "analyste@demo.local", "bad.csv", "order-lines", ImportStatus.Rejected, 4, 0, 0, 1, "GBP"),
        new(1, At, At, "analyste@demo.local", "old.csv", "online-retail", ImportStatus.Undone, 8, 8, 0, 0, "GBP", At, "admin@demo.local"),
    ];

    [Fact]
    public async Task Undo_OnlyImportedBatchesOfferIt_ClickAsksThePageWithThatBatch_UndoneSaysByWhom()
    {
        ImportHistoryEntry? asked = null;
        var view = Render<ImportHistoryTable>(p => p
            .Add(c => c.Entries, Entries())
            .Add(c => c.OnUndo, (ImportHistoryEntry e) => asked = e));

        var buttons = view.FindAll("[data-testid=import-undo]");
        Assert.Single(buttons);
        await buttons[0].ClickAsync(new());

        Assert.Equal(3, asked?.Id);
        var rows = view.FindAll("[data-testid=import-history-row]");
        Assert.Contains("GBP", rows[0].TextContent, StringComparison.Ordinal);
        var undone = rows[2].QuerySelector("[data-testid=import-history-status]")!.TextContent;
        Assert.Contains("Défait", undone, StringComparison.Ordinal);
        Assert.Contains("admin@demo.local", undone, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TimesInParisTime_AndTheColumnSaysSo()
    {
        // 09:00 UTC on 2 March is 10:00 in Paris (winter); 21:15 UTC on 2 July is 23:15 (summer).
        var undoneAt = new DateTime(2026, 7, 2, 21, 15, 0, DateTimeKind.Utc);
        IReadOnlyList<ImportHistoryEntry> entries =
            [new(1, At, At, "analyste@demo.local", "old.csv", "online-retail", ImportStatus.Undone, 8, 8, 0, 0, "GBP", undoneAt, "admin@demo.local")];

        var view = Render<ImportHistoryTable>(p => p.Add(c => c.Entries, entries));

        var row = view.Find("[data-testid=import-history-row]");
        Assert.Equal("02/03/2026 10:00", row.QuerySelector("td")!.TextContent.Trim());
        Assert.Contains("02/07/2026 23:15", row.QuerySelector("[data-testid=import-history-status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(heure de Paris)", view.Find("thead th").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithoutUndoHandler_NoUndoButtons()
    {
        var view = Render<ImportHistoryTable>(p => p.Add(c => c.Entries, Entries()));

        Assert.Empty(view.FindAll("[data-testid=import-undo]"));
    }
}
