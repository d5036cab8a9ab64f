using CustomerInsight.Tests.Core.Privacy;
using CustomerInsight.Web.Cli;

namespace CustomerInsight.Tests.Web.Cli;

/// <summary>erase and purge through the real command line; the JSON half of export-customer.</summary>
public class PrivacyVerbsTests : PrivacyTestBase
{
    [Fact]
    public async Task Erase_UnknownThenKnownCustomer_Exit2ThenErased()
    {
        var connection = Context.Import.Database;

        var unknown = await CliTestRunner.RunAsync(connection, ["erase", "--customer", "NOPE"]);
        var known = await CliTestRunner.RunAsync(connection, ["erase", "--customer", PrivacyTestContext.ErasedId]);

        unknown.AssertBadInput("NOPE");
        known.AssertSucceeded("erased-");
        await using var db = Context.Import.Database.CreateContext();
        Assert.False(await db.Customers.AnyAsync(c => c.SourceId == PrivacyTestContext.ErasedId, Token));
        Assert.StartsWith("cli:", (await db.AuditEntries.SingleAsync(a => a.Action == CustomerErasure.AuditAction, Token)).UserName,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_DryRunThenConfirm_CountsAgreeAndNeitherFlagIsRefused()
    {
        await using (var db = Context.Import.Database.CreateContext())
        {
            db.Customers.Add(new CustomerInsight.Core.Customers.Customer { SourceId = "IDLE-9", CreatedAtUtc = DateTime.UtcNow.AddYears(-6) });
            await db.SaveChangesAsync(Token);
        }
        var connection = Context.Import.Database;

        var none = await CliTestRunner.RunAsync(connection, ["purge"]);
        var dryRun = await CliTestRunner.RunAsync(connection, ["purge", "--dry-run"]);
        var confirm = await CliTestRunner.RunAsync(connection, ["purge", "--confirm"]);
        var after = await CliTestRunner.RunAsync(connection, ["purge", "--dry-run"]);

        Assert.Equal(2, none.ExitCode);
        Assert.Contains(": 1 customer(s) would be anonymised", dryRun.Output, StringComparison.Ordinal);
        confirm.AssertSucceeded("1 customer(s) anonymised");
        // Progress is written before the verb returns (never after its output is closed).
        Assert.Contains("\r1/1", confirm.Error, StringComparison.Ordinal);
        Assert.Contains(": 0 customer(s) would be anonymised", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PurgeDryRunJson_OnlineRetailHistoryFrom2011_CountsItsCustomersWithTheCutoff()
    {
        var retail = Context.Import.WriteFile("retail.csv",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n" +
            "536365,85123A,MUG,6,2011-12-01 08:26:00,2.55,17850,United Kingdom\n" +
            "536366,22633,CUP,6,2011-03-01 08:28:00,1.85,13047,United Kingdom\n");
        var connection = Context.Import.Database;
        Assert.Equal(0, (await CliTestRunner.RunAsync(connection, ["import", retail, "--format", "online-retail"])).ExitCode);

        var dryRun = await CliTestRunner.RunAsync(connection, ["purge", "--dry-run", "--json"]);
        var misplaced = await CliTestRunner.RunAsync(connection, ["purge", "--confirm", "--json"]);

        Assert.Equal(0, dryRun.ExitCode);
        // Imported today, idle since 2011: both due (the import's time is not an activity).
        var cutoff = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-36)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($$"""{"cutoff":"{{cutoff}}","customers":2}""", dryRun.Output.Trim());
        Assert.Equal(2, misplaced.ExitCode);
    }

    [Fact]
    public async Task ExportCustomerJson_KnownAndUnknown_WritesFileOrExits2()
    {
        var connection = Context.Import.Database;
        var path = Path.Combine(Context.Import.Database.Directory, "out.json");

        var known = await CliTestRunner.RunAsync(connection, ["export-customer", "--customer", PrivacyTestContext.KeptId, "--out", path]);
        var unknown = await CliTestRunner.RunAsync(connection, ["export-customer", "--customer", "NOPE", "--out", path + "2.json"]);

        Assert.Equal(0, known.ExitCode);
        unknown.AssertBadInput("NOPE");
        using var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path, Token));
        Assert.Equal(PrivacyTestContext.KeptId, json.RootElement.GetProperty("profile").GetProperty("sourceId").GetString());
        Assert.False(File.Exists(path + "2.json"));
        await using var db = Context.Import.Database.CreateContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == CustomerFileJsonExport.AuditAction, Token);
        Assert.StartsWith("cli:", entry.UserName, StringComparison.Ordinal);
        Assert.Contains("personalData=yes", entry.Details, StringComparison.Ordinal);
    }
}

/// <summary>Every test of <see cref="PrivacyVerbsTests"/> on PostgreSQL.</summary>
public sealed class PrivacyVerbsOnPostgresTests : PrivacyVerbsTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
