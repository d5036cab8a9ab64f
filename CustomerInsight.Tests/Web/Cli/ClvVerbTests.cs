namespace CustomerInsight.Tests.Web.Cli;

/// <summary><c>clv</c> through the real command line over a demo database, checked against <see cref="ClvQueries"/>.</summary>
public class ClvVerbTests() : DatabaseTestBase(migrate: false)
{
    private static readonly DateOnly CalibrationEnd = new(2026, 3, 31);

    protected override async Task ArrangeAsync()
    {
        var seeded = await CliTestRunner.RunAsync(Database, ["seed-demo", "--customers", "300"]);
        Assert.Equal(0, seeded.ExitCode);
    }

    [Fact]
    public async Task Json_WithHoldout_HasTheKeysOfInterfacesAndTheFitOfClvQueries()
    {
        var queries = new ClvQueries(Database.Factory, Options.Create(new ClvOptions()), TimeProvider.System);
        var expected = (await queries.GetReportAsync(CalibrationEnd, 13, null, Token))!;
        var workbook = Path.Combine(Database.Directory, "clv.xlsx");

        var result = await CliTestRunner.RunAsync(Database,
            ["clv", "--calibration-end", "2026-03-31", "--horizon-weeks", "13", "--json", "--out", workbook]);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(
            ["calibrationEnd", "customers", "repeatCustomers", "bgnbd", "gammaGamma",
                "horizonWeeks", "expectedRepeatPurchases", "actualRepeatPurchases", "expectedValue"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("2026-03-31", root.GetProperty("calibrationEnd").GetString());
        var model = expected.Model;
        Assert.Equal(model.Customers.Count, root.GetProperty("customers").GetInt32());
        Assert.Equal(model.RepeatCustomers, root.GetProperty("repeatCustomers").GetInt32());
        var bg = root.GetProperty("bgnbd");
        Assert.Equal(["r", "alpha", "a", "b", "logLikelihood"], bg.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(model.BgNbd.Parameters.R, bg.GetProperty("r").GetDouble());
        Assert.Equal(model.BgNbd.Parameters.Alpha, bg.GetProperty("alpha").GetDouble());
        Assert.Equal(model.BgNbd.LogLikelihood, bg.GetProperty("logLikelihood").GetDouble());
        var gg = root.GetProperty("gammaGamma");
        Assert.Equal(["p", "q", "gamma", "customers"], gg.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(model.GammaGamma!.Parameters.Gamma, gg.GetProperty("gamma").GetDouble());
        Assert.Equal(model.GammaGamma.Customers, gg.GetProperty("customers").GetInt32());
        Assert.Equal(13, root.GetProperty("horizonWeeks").GetInt32());
        Assert.Equal(model.ExpectedRepeatPurchases, root.GetProperty("expectedRepeatPurchases").GetDouble(), 9);
        // The demo company's data runs to 2026-09-30: the 13 weeks after the calibration end are covered.
        Assert.NotNull(expected.ActualRepeatPurchases);
        Assert.Equal(expected.ActualRepeatPurchases, root.GetProperty("actualRepeatPurchases").GetInt32());
        Assert.Equal(model.ExpectedValue!.Value, root.GetProperty("expectedValue").GetDouble(), 6);
        Assert.True(model.ExpectedValue > 0);

        // The workbook, read back: parameters, value per RFM segment, one row per customer.
        using var book = new XLWorkbook(workbook);
        Assert.Equal(["Paramètres", "Segments", "Clients"], book.Worksheets.Select(w => w.Name).ToArray());
        var parameters = book.Worksheet("Paramètres");
        var header = parameters.Row(CustomerInsight.Core.Reporting.ExcelReportWriter.HeaderRow);
        Assert.Equal("Paramètre", header.Cell(1).GetString());
        Assert.Equal("r", parameters.Row(CustomerInsight.Core.Reporting.ExcelReportWriter.HeaderRow + 1).Cell(1).GetString());
        Assert.Equal(model.BgNbd.Parameters.R,
            parameters.Row(CustomerInsight.Core.Reporting.ExcelReportWriter.HeaderRow + 1).Cell(2).GetDouble(), 12);
        var segments = book.Worksheet("Segments");
        var segmentRows = Enumerable.Range(CustomerInsight.Core.Reporting.ExcelReportWriter.HeaderRow + 1, 10).Select(segments.Row).ToList();
        Assert.Equal(model.Customers.Count, segmentRows.Sum(r => r.Cell(2).GetValue<int>()));
        Assert.Equal(model.ExpectedValue.Value, segmentRows.Sum(r => r.Cell(5).GetDouble()), 4);
        var customers = book.Worksheet("Clients");
        var first = CustomerInsight.Core.Reporting.ExcelReportWriter.HeaderRow + 1;
        Assert.Equal(["Clé client", "x", "t_x (semaines)", "T (semaines)", "P(actif)", "Achats attendus", "Panier attendu", "CLV"],
            Enumerable.Range(1, 8).Select(i => customers.Row(first - 1).Cell(i).GetString()).ToArray());
        Assert.Equal(model.Customers.Count, customers.LastRowUsed()!.RowNumber() - first + 1);
        Assert.Equal(20, customers.Row(first).Cell(1).GetString().Length);
        Assert.Equal(model.Customers.Sum(c => c.Clv!.Value),
            Enumerable.Range(first, model.Customers.Count).Sum(r => customers.Row(r).Cell(8).GetDouble()), 4);
    }

    [Fact]
    public async Task Json_InARealProcess_StandardOutputIsTheJsonAloneAndTheFitsLogStaysOut()
    {
        // The fit logs its phases (Information, for the web app's log); appsettings.json sets Information by default, and the
        // console logger used to write on standard output, before the JSON.
        var start = CustomerInsight.Tests.Integration.BuiltApp.StartInfo(Database, "clv", "--calibration-end", "2026-03-31", "--json");
        start.Environment["Logging__LogLevel__Default"] = "Information";

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(Token);
        var error = process.StandardError.ReadToEndAsync(Token);
        await process.WaitForExitAsync(Token);

        Assert.True(process.ExitCode == 0, await error);
        using var json = JsonDocument.Parse(await output);
        Assert.Equal("2026-03-31", json.RootElement.GetProperty("calibrationEnd").GetString());
        Assert.DoesNotContain("Value models fitted", await error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "clv", "--json" }, "--calibration-end is required")]
    [InlineData(new[] { "clv", "--calibration-end", "2026-03-31", "--horizon-weeks", "0" }, "--horizon-weeks")]
    [InlineData(new[] { "clv", "--calibration-end", "2026-03-31", "--out", "clv.csv" }, ".xlsx")]
    [InlineData(new[] { "clv", "--calibration-end", "2001-01-01" }, "nothing to fit")]
    public async Task BadInput_ExitsTwoWithTheReason(string[] args, string message)
    {
        var result = await CliTestRunner.RunAsync(Database, args);

        result.AssertBadInput(message);
    }

    [Fact]
    public async Task FirstDayOfSales_NoRepeatPurchase_ExitsTwoSayingWhyAndPrintsNothing()
    {
        DateOnly first;
        await using (var db = await Database.Factory.CreateDbContextAsync(Token))
        {
            first = await db.Orders.Where(o => o.Kind == OrderKind.Sale && o.CustomerId != null).MinAsync(o => o.BusinessDate, Token);
        }
        var day = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // Up to the first day of sales every customer has bought on one day: not a single repeat purchase to fit a and b on.
        var result = await CliTestRunner.RunAsync(Database, ["clv", "--calibration-end", day, "--json"]);

        result.AssertBadInput($"No customer has a repeat purchase on or before {day}", "Choose a later --calibration-end");
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task Timing_PrintsTheStepsOfTheFitToStandardErrorOnly()
    {
        var plain = await CliTestRunner.RunAsync(Database, ["clv", "--calibration-end", "2026-03-31", "--json"]);
        var timed = await CliTestRunner.RunAsync(Database, ["clv", "--calibration-end", "2026-03-31", "--json", "--timing"]);

        Assert.True(timed.ExitCode == 0, timed.Error);
        Assert.Equal(plain.Output, timed.Output);
        Assert.DoesNotContain("timing", plain.Error, StringComparison.Ordinal);
        // SQLite's settings (a line of their own) are this test process's, whichever test opened SQLite first: CliAppTests.
        var lines = timed.Error.Trim().Split('\n').Select(l => l.TrimEnd('\r'))
            .Where(l => !l.StartsWith("timing: SQLite ", StringComparison.Ordinal)).ToArray();
        Assert.Matches(@"^timing: start-up \d+ ms, work \d+ ms$", lines[0]);
        Assert.StartsWith("timing: start-up steps: ", lines[1], StringComparison.Ordinal);
        Assert.Matches(@"^timing: processor time of the whole process \d+ ms; the work's steps:$", lines[2]);
        Assert.Equal(["latest sale", "read purchases", "BG/NBD grouping", "BG/NBD search", "Gamma-Gamma fit", "predictions",
            "holdout: predicted purchases", "JSON"],
            lines.Skip(3).Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^timing:   (.+?) \d+ ms").Groups[1].Value).ToArray());
        Assert.Matches(@"^timing:   BG/NBD search \d+ ms, CPU \d+ ms \([\d,]+ likelihood evaluations\)$", lines[6]);
    }

    [Fact]
    public async Task Json_HorizonBeyondTheData_ActualIsNull()
    {
        var result = await CliTestRunner.RunAsync(Database, ["clv", "--calibration-end", "2026-08-31", "--json"]);

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("actualRepeatPurchases").ValueKind);
        Assert.Equal(52, json.RootElement.GetProperty("horizonWeeks").GetInt32());
        Assert.True(json.RootElement.GetProperty("expectedRepeatPurchases").GetDouble() > 0);
    }
}

/// <summary>Every test of <see cref="ClvVerbTests"/> on PostgreSQL.</summary>
public sealed class ClvVerbOnPostgresTests : ClvVerbTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
