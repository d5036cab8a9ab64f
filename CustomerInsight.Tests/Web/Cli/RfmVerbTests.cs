namespace CustomerInsight.Tests.Web.Cli;

/// <summary><c>rfm</c> through the real command line over a demo database, checked against <see cref="RfmQueries"/>.</summary>
public class RfmVerbTests() : DatabaseTestBase(migrate: false)
{
    private RfmQueries queries = null!;

    protected override async Task ArrangeAsync()
    {
        var seeded = await CliTestRunner.RunAsync(Database, ["seed-demo", "--customers", "200"]);
        Assert.Equal(0, seeded.ExitCode);
        queries = new RfmQueries(Database.Factory, AppSettings.Rfm());
    }

    [Fact]
    public async Task Json_EveryReadInPlainSql_EfCoreRunsNoQuery()
    {
        using var recorder = new EfCommandRecorder(Database);

        var result = await CliTestRunner.RunAsync(Database, ["rfm", "--json"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"champions\"", result.Output, StringComparison.Ordinal);
        // No LINQ query compiled in an rfm process (bench/RESULTS.md): EF Core sent no SELECT; it does see this database.
        Assert.DoesNotContain(recorder.Commands, c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        await using var db = Database.CreateContext();
        Assert.True(await db.Customers.CountAsync(Token) >= 200);
        Assert.Contains(recorder.Commands, c => c.Contains("\"Customers\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_DefaultDate_AllTenSegmentsInOrderWithTheTotalsOfRfmQueries()
    {
        var date = (await queries.GetDefaultAnalysisDateAsync(Token))!.Value;
        var expected = await queries.GetSummaryAsync(date, Token);

        var result = await CliTestRunner.RunAsync(Database, ["rfm", "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), root.GetProperty("analysisDate").GetString());
        Assert.Equal(expected.Customers, root.GetProperty("customers").GetInt32());
        Assert.True(expected.Customers > 0);
        var segments = root.GetProperty("segments").EnumerateArray().ToArray();
        Assert.Equal(
            ["champions", "loyal_customers", "potential_loyalists", "new_customers", "promising",
             "need_attention", "about_to_sleep", "at_risk", "cant_lose_them", "hibernating"],
            segments.Select(s => s.GetProperty("segment").GetString()!).ToArray());
        for (var i = 0; i < segments.Length; i++)
        {
            Assert.Equal(expected.Segments[i].Customers, segments[i].GetProperty("customers").GetInt32());
            Assert.Equal(expected.Segments[i].Monetary, segments[i].GetProperty("monetary").GetDecimal());
        }
        Assert.Equal(expected.Customers, segments.Sum(s => s.GetProperty("customers").GetInt32()));
        Assert.Equal(3, root.EnumerateObject().Count());
    }

    [Fact]
    public async Task Json_EarlierDate_ScoresAtThatDate()
    {
        var date = (await queries.GetDefaultAnalysisDateAsync(Token))!.Value.AddMonths(-6);
        var expected = await queries.GetSummaryAsync(date, Token);

        var result = await CliTestRunner.RunAsync(Database, ["rfm", "--date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--json"]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(expected.Customers, json.RootElement.GetProperty("customers").GetInt32());
        Assert.Equal(expected.Monetary, json.RootElement.GetProperty("segments").EnumerateArray().Sum(s => s.GetProperty("monetary").GetDecimal()));
    }

    [Fact]
    public async Task Text_NoJson_PrintsDateAndEverySegmentCode()
    {
        var result = await CliTestRunner.RunAsync(Database, ["rfm"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("RFM at ", result.Output, StringComparison.Ordinal);
        Assert.All(RfmSegments.All, s => Assert.Contains(s.Code(), result.Output, StringComparison.Ordinal));
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(result.Output));
    }

    [Fact]
    public async Task OutCsv_Pseudonyms_OneRowPerScoredCustomerWithoutSourceIds()
    {
        var file = Path.Combine(Database.Directory, "rfm.csv");
        var date = (await queries.GetDefaultAnalysisDateAsync(Token))!.Value;
        var scores = await queries.ScoreAsync(date, Token);
        var secret = await new AppSecrets(Database.Factory).GetOrCreateAsync(AppSecret.CustomerKey, Token);
        var keys = new RfmCustomerKeys(secret);

        var result = await CliTestRunner.RunAsync(Database, ["rfm", "--out", file]);

        Assert.Equal(0, result.ExitCode);
        var lines = await File.ReadAllLinesAsync(file, Token);
        Assert.Equal("customer_key,recency,frequency,monetary,r,f,m,segment", lines[0]);
        Assert.Equal(scores.Customers.Count, lines.Length - 1);
        var byKey = scores.Customers.ToDictionary(s => keys.For(s.CustomerId));
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Equal(8, cells.Length);
            Assert.Matches("^[0-9a-f]{20}$", cells[0]);
            var s = byKey[cells[0]];
            Assert.Equal(s.Recency, int.Parse(cells[1], CultureInfo.InvariantCulture));
            Assert.Equal(s.Frequency, int.Parse(cells[2], CultureInfo.InvariantCulture));
            Assert.Equal(s.Monetary, decimal.Parse(cells[3], CultureInfo.InvariantCulture));
            Assert.Equal($"{s.RecencyScore},{s.FrequencyScore},{s.MonetaryScore},{s.Segment.Code()}", string.Join(',', cells[4..]));
        }
        await using var db = Database.CreateContext();
        var sourceIds = await db.Customers.Select(c => c.SourceId).ToListAsync(Token);
        var text = await File.ReadAllTextAsync(file, Token);
        Assert.DoesNotContain(sourceIds, id => lines.Skip(1).Any(l => l.Split(',')[0] == id));
        Assert.False(File.Exists(file + ".partial"));
        Assert.NotEmpty(text);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == ExcelExports.AuditAction, Token);
        Assert.Equal(("rfm", scores.Customers.Count), (audit.Target, audit.RowCount));
        Assert.Equal($"report=rfm; date={date:yyyy-MM-dd}; ids=pseudonymous; format=csv; personalData=no", audit.Details);
    }

    [Fact]
    public async Task OutCsv_WithIds_KeyIsTheSourceCustomerId()
    {
        var file = Path.Combine(Database.Directory, "rfm-ids.csv");
        await using var db = Database.CreateContext();
        var sourceIds = (await db.Customers.Select(c => c.SourceId).ToListAsync(Token)).ToHashSet();

        var result = await CliTestRunner.RunAsync(Database, ["rfm", "--out", file, "--with-ids", "--json"]);

        Assert.Equal(0, result.ExitCode);
        var lines = await File.ReadAllLinesAsync(file, Token);
        Assert.Equal("customer_id", lines[0].Split(',')[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains(l.Split(',')[0], sourceIds));
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(lines.Length - 1, json.RootElement.GetProperty("customers").GetInt32());
        // Source ids identify the customers: the audit entry says the file holds personal data.
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == ExcelExports.AuditAction, Token);
        Assert.EndsWith("; ids=source; format=csv; personalData=yes", audit.Details, StringComparison.Ordinal);
        Assert.Equal(lines.Length - 1, audit.RowCount);
    }

    [Theory]
    [InlineData("--out", "rfm.txt")]
    [InlineData("--date", "10/12/2011")]
    [InlineData("--with-ids", null)]
    [InlineData("--bogus", null)]
    public async Task BadInput_ExitsTwoWithAMessage(string option, string? value)
    {
        string[] args = value is null ? ["rfm", option] : ["rfm", option, option == "--out" ? Path.Combine(Database.Directory, value) : value];

        var result = await CliTestRunner.RunAsync(Database, args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error.Trim());
        if (value == "rfm.txt")
        {
            Assert.Contains(".csv", result.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(Database.Directory, value)));
        }
    }

    [Fact]
    public async Task EmptyDatabase_ExitsTwo()
    {
        await using var empty = await TestDatabase.CreateAsync(Engine, migrate: false);

        var result = await CliTestRunner.RunAsync(empty, ["rfm", "--json"]);

        result.AssertBadInput("no sale order");
    }
}

/// <summary>Every test of <see cref="RfmVerbTests"/> on PostgreSQL.</summary>
public sealed class RfmVerbOnPostgresTests : RfmVerbTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
