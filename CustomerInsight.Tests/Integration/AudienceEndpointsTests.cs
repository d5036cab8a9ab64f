namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The audience download of a custom segment on the real app: the policy on the server, identities for admins only,
/// a real .xlsx read back with ClosedXML holding exactly the segment's customers whose e-mail consent is granted today,
/// and the audit row naming the segment version and the purpose.
/// </summary>
[Collection(AppCollection.Name)]
public class AudienceEndpointsTests(InsightAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A segmentation of its own (the app is shared by the collection): "Acheteurs" (orders ≥ 2), then everyone else.</summary>
    private async Task<SegmentRef> SaveSegmentationAsync(string? name = null)
    {
        var queries = app.Services.GetRequiredService<SegmentationQueries>();
        name ??= $"Audience {Guid.NewGuid():N}"[..20];
        var definition = new SegmentationDefinition([
            new SegmentDefinition("", "Acheteurs", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Orders, RuleOperator.GreaterOrEqual, "2")])]),
            new SegmentDefinition("", "Autres", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Orders, RuleOperator.GreaterOrEqual, "1")])]),
        ]);
        var saved = await queries.SaveAsync(null, name, definition, 0, "audience test", "analyste@demo.local", Ct);
        Assert.True(saved.Saved);
        return new SegmentRef(saved.Key!, "acheteurs");
    }

    /// <summary>The expected audience, computed without the evaluator: scored customers with two orders or more, e-mail granted now.</summary>
    private async Task<int> ExpectedAudienceAsync()
    {
        var rfm = app.Services.GetRequiredService<RfmQueries>();
        var scores = await rfm.ScoreAsync((await rfm.GetDefaultAnalysisDateAsync(Ct))!.Value, Ct);
        var granted = await app.Services.GetRequiredService<ConsentQueries>().GetGrantedCustomerIdsAsync(ConsentPurpose.EmailMarketing,
            DateTime.UtcNow, Ct);
        return scores.Customers.Count(c => c.Frequency >= 2 && granted.Contains(c.CustomerId));
    }

    [Fact]
    public async Task Get_AnalystXlsx_PseudonymousAudienceOfConsentGrantedToday_Audited()
    {
        var name = $"Audience {Guid.NewGuid():N}"[..20];
        var segment = await SaveSegmentationAsync(name);
        var expected = await ExpectedAudienceAsync();
        Assert.True(expected > 0, "the demo company has reachable repeat buyers");
        using var client = await app.CreateClientAsAsync(Roles.Analyst);

        var response = await client.GetAsync(AppUrls.Audience(segment, ConsentPurpose.EmailMarketing, AudienceFormat.Xlsx), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Contains($"audience-{segment.SegmentationKey}-v1-acheteurs-emailmarketing",
            response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheets.First();
        var table = Assert.Single(sheet.Tables);
        Assert.Equal(expected, table.DataRange.RowCount());
        Assert.Equal(["Clé client"], table.HeadersRow().Cells().Select(c => c.GetString()));
        Assert.All(table.DataRange.Rows(), r => Assert.Matches("^[0-9a-f]{20}$", r.Cell(1).GetString()));
        var texts = sheet.CellsUsed().Select(c => c.GetString()).ToList();
        // The title block names the segmentation, its version and the segment.
        Assert.Contains(texts, t => t.Contains($"{name} (v1)", StringComparison.Ordinal)
            && t.Contains("Segment\u00a0: Acheteurs", StringComparison.Ordinal));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AudienceExport.AuditAction && a.Target == $"segment:{segment}:v1", Ct);
        Assert.Equal("analyste@demo.local", entry.UserName);
        Assert.Equal(expected, entry.RowCount);
        Assert.Contains("purpose=EmailMarketing", entry.Details, StringComparison.Ordinal);
        Assert.Contains("personalData=no", entry.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_AdminWithIdentities_PersonalColumns_AnalystAskingForThemRefused()
    {
        var segment = await SaveSegmentationAsync();
        var url = AppUrls.Audience(segment, ConsentPurpose.EmailMarketing, AudienceFormat.Csv, identities: true);

        using var analyst = await app.CreateClientAsAsync(Roles.Analyst);
        var refused = await analyst.GetAsync(url, Ct);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)refused.StatusCode}");
        if (refused.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var admin = await app.CreateClientAsAsync(Roles.Admin);
        var response = await admin.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("customer_key,source_id,first_name,last_name,email,phone,postal_code,city,country", lines[0]);
        Assert.Equal(await ExpectedAudienceAsync(), lines.Length - 1);
        Assert.Contains("@", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.ChangeManager)]
    public async Task Get_OtherRoles_Refused(string role)
    {
        var segment = await SaveSegmentationAsync();
        var response = await app.GetAsAsync(role, AppUrls.Audience(segment, ConsentPurpose.EmailMarketing, AudienceFormat.Xlsx), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)response.StatusCode}");
        Assert.NotEqual(ExportEndpoints.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/exports/audience.xlsx?segment=nope&purpose=EmailMarketing", HttpStatusCode.BadRequest)]
    [InlineData("/exports/audience.xlsx?segment=a.b&purpose=Pigeon", HttpStatusCode.BadRequest)]
    [InlineData("/exports/audience.xlsx?segment=unknown.segment&purpose=EmailMarketing", HttpStatusCode.NotFound)]
    [InlineData("/exports/audience.pdf?segment=a.b&purpose=EmailMarketing", HttpStatusCode.NotFound)]
    public async Task Get_BadRequests_Refused(string url, HttpStatusCode expected)
    {
        using var client = await app.CreateClientAsAsync(Roles.Analyst);
        Assert.Equal(expected, (await client.GetAsync(url, Ct)).StatusCode);
    }
}

/// <summary>Every test of <see cref="AudienceEndpointsTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class AudienceEndpointsOnPostgresTests(PostgresAppFactory app) : AudienceEndpointsTests(app);
