using CustomerInsight.Web.Components.Pages.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustomerInsight.Tests.Web.Importing;

/// <summary>The server side of the Data page: every action re-checks the Import policy, whatever the page showed.</summary>
public sealed class ImportActionsTests : ImportTestBase
{
    private const string SmallRetailFile = """
        InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
        536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
        536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom
        536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,,United Kingdom
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ImportActions CreateActions(string role,
        string name = "someone@demo.local", DataChangeNotifier? notifier = null)
    {
        return new ImportActions(Context.Pipeline, new ImportHistoryQueries(Context.Database.Factory),
            Context.Undo, Context.Currency, notifier ?? new DataChangeNotifier(),
            FixedUser.Access(role, name),
            Options.Create(new ImportOptions()), NullLogger<ImportActions>.Instance);
    }

    [Fact]
    public async Task ImportAsync_Executive_RefusedAndNothingWritten()
    {
        var path = Context.WriteFile("retail.csv", SmallRetailFile);
        var notifier = new DataChangeNotifier();
        var notified = 0;
        notifier.Changed += () => notified++;
        using var actions = CreateActions(Roles.Executive, notifier: notifier);

        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            actions.ImportAsync(new UploadedFile(path, "retail.csv", 1), ImportFormat.OnlineRetail, null, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.PreviewAsync(new UploadedFile(path, "retail.csv", 1), null, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.HistoryAsync(Ct));

        await using var db = Context.Database.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
        Assert.Equal(0, await db.ImportBatches.CountAsync(Ct));
        Assert.Equal(0, notified);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Admin)]
    public async Task ImportAsync_AllowedRole_ImportsAsTheSignedInUserAndShowsInHistory(string role)
    {
        var path = Context.WriteFile("retail.csv", SmallRetailFile);
        var notifier = new DataChangeNotifier();
        var notified = 0;
        notifier.Changed += () => notified++;
        using var actions = CreateActions(role, "analyste@demo.local", notifier);
        var file = new UploadedFile(path, "retail.csv", 1);

        var preview = await actions.PreviewAsync(file, null, Ct);
        var report = await actions.ImportAsync(file, preview.Format!.Value, null, Ct);
        var history = await actions.HistoryAsync(Ct);

        Assert.Equal(ImportFormat.OnlineRetail, preview.Format);
        Assert.True(report.Succeeded);
        Assert.Equal(3, report.RowsImported);
        var entry = Assert.Single(history);
        Assert.Equal("analyste@demo.local", entry.UserName);
        Assert.Equal(ImportStatus.Succeeded, entry.Status);
        Assert.Equal(3, entry.RowsImported);
        Assert.Equal(1, notified);
    }

    [Fact]
    public async Task UndoAsync_ExecutiveRefused_AnalystUndoesAsHimselfAndDashboardsAreTold()
    {
        var path = Context.WriteFile("retail.csv", SmallRetailFile);
        var notifier = new DataChangeNotifier();
        var notified = 0;
        notifier.Changed += () => notified++;
        using var analyst = CreateActions(Roles.Analyst, "analyste@demo.local", notifier);
        using var executive = CreateActions(Roles.Executive, notifier: notifier);
        var report = await analyst.ImportAsync(new UploadedFile(path, "retail.csv", 1), ImportFormat.OnlineRetail, "GBP", null, Ct);

        await Assert.ThrowsAsync<AccessDeniedException>(() => executive.UndoAsync(report.BatchId!.Value, cancellationToken: Ct));
        Assert.Equal(2, await OrderCountAsync());
        var result = await analyst.UndoAsync(report.BatchId!.Value, cancellationToken: Ct);
        var entry = Assert.Single(await analyst.HistoryAsync(Ct));

        Assert.True(result.Succeeded);
        Assert.Equal(0, await OrderCountAsync());
        Assert.Equal((ImportStatus.Undone, "analyste@demo.local", "GBP", false), (entry.Status, entry.UndoneBy, entry.Currency, entry.CanUndo));
        Assert.Equal(2, notified);
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = Context.Database.CreateContext();
        return await db.Orders.CountAsync(Ct);
    }

    private sealed class BrowserFile(string name, string content) : Microsoft.AspNetCore.Components.Forms.IBrowserFile
    {
        private readonly byte[] bytes = System.Text.Encoding.UTF8.GetBytes(content);
        public string Name => name;
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public long Size => bytes.Length;
        public string ContentType => "text/csv";
        public Stream OpenReadStream(long maxAllowedSize = 512000, CancellationToken cancellationToken = default) => new MemoryStream(bytes);
    }

    [Fact]
    public async Task Upload_KeptWhileRejected_DeletedOnceImported()
    {
        using var actions = CreateActions(Roles.Analyst);

        var bad = await actions.SaveUploadAsync(new BrowserFile("bad.csv", SmallRetailFile.Replace("2.55", "deux", StringComparison.Ordinal)), Ct);
        var rejected = await actions.ImportAsync(bad, ImportFormat.OnlineRetail, null, Ct);
        Assert.False(rejected.Succeeded);
        Assert.True(File.Exists(bad.Path), "a rejected file stays for another try (another format, say)");

        var good = await actions.SaveUploadAsync(new BrowserFile("retail.csv", SmallRetailFile), Ct);
        Assert.False(File.Exists(bad.Path), "a new upload replaces the previous one");
        var imported = await actions.ImportAsync(good, ImportFormat.OnlineRetail, null, Ct);
        Assert.True(imported.Succeeded);
        Assert.False(File.Exists(good.Path), "once imported, the uploaded copy is deleted at once");
    }

    [Fact]
    public async Task ImportAsync_CancelledBeforeStart_WritesNothing()
    {
        var path = Context.WriteFile("retail.csv", SmallRetailFile);
        using var actions = CreateActions(Roles.Analyst);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            actions.ImportAsync(new UploadedFile(path, "retail.csv", 1), ImportFormat.OnlineRetail, null, cancellation.Token));

        await using var db = Context.Database.CreateContext();
        Assert.Equal(0, await db.Orders.CountAsync(Ct));
        Assert.Equal(0, await db.ImportBatches.CountAsync(Ct));
    }
}

public sealed class ThrottledProgressTests
{
    [Fact]
    public void Report_WithinInterval_OnlyFirstAndPhaseChangesAndLaterOnesPass()
    {
        var clock = new FakeTimeProvider();
        var seen = new List<ImportProgress>();
        var progress = new ThrottledProgress(p => { seen.Add(p); return Task.CompletedTask; }, TimeSpan.FromMilliseconds(250), clock);

        progress.Report(new ImportProgress(ImportPhase.Reading, 1, 0.1));
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.Report(new ImportProgress(ImportPhase.Reading, 2, 0.2));
        clock.Advance(TimeSpan.FromMilliseconds(200));
        progress.Report(new ImportProgress(ImportPhase.Reading, 3, 0.3));
        progress.Report(new ImportProgress(ImportPhase.Writing, 3, 0));
        progress.Report(new ImportProgress(ImportPhase.Done, 3, 1));

        Assert.Equal([1, 3, 3, 3], seen.Select(p => p.RowsProcessed));
        Assert.Equal(ImportPhase.Done, seen[^1].Phase);
    }
}
