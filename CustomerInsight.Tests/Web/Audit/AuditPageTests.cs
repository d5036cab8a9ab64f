using CustomerInsight.Tests.Web.Localization;
using CustomerInsight.Web.Components.Account;
using CustomerInsight.Web.Components.Pages.Audit;
using AuditPageComponent = CustomerInsight.Web.Components.Pages.Audit.AuditPage;
using CustomerInsight.Web.Components.Pages.Privacy;

namespace CustomerInsight.Tests.Web.Audit;

/// <summary>The audit page says who did what to what in words, in French and in English: no action code, no <c>user:&lt;id&gt;</c>.</summary>
public sealed class AuditPageTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Every action code the app writes in the log (constants and literals of the app's code).</summary>
    public static TheoryData<string> ActionCodes() =>
    [
        "import", "import.rejected", ExcelExports.AuditAction, CustomerErasure.AuditAction, RetentionPurge.AuditAction,
        PrivacyCommands.RectifyAction, PrivacyCommands.ConsentAction, CustomerFileJsonExport.AuditAction, "role.grant",
        "user.create", "user.role", "user.disable", "user.enable", "user.password",
        AccountAudit.SignIn, AccountAudit.SignInFailed, AccountAudit.LockedOut, AccountAudit.SignOut,
        OmocCommands.ProjectCreate, OmocCommands.ProjectUpdate, OmocCommands.ProjectDelete, OmocCommands.PopulationCreate,
        OmocCommands.PopulationUpdate, OmocCommands.PopulationDelete, OmocCommands.WorkshopCreate, OmocCommands.WorkshopUpdate,
        OmocCommands.WorkshopDelete, OmocCommands.AssessmentSave, OmocCommands.AssessmentComplete,
        CustomerInsight.Core.Surveys.Themes.ThemeQueries.AuditAction,
        CustomerInsight.Core.Unify.UnifyCommands.MergeAuditAction, CustomerInsight.Core.Unify.UnifyCommands.UndoAuditAction,
        CustomerInsight.Core.Segments.SegmentationQueries.SaveAuditAction, CustomerInsight.Core.Segments.AudienceExport.AuditAction,
    ];

    [Theory]
    [MemberData(nameof(ActionCodes))]
    public void ActionNames_EveryCodeTheAppWrites_NamedInFrenchAndEnglish(string code)
    {
        foreach (var file in new[] { "PrivacyText.resx", "PrivacyText.en.resx" })
        {
            Assert.Contains("AuditAction_" + code, ResxFiles.Read(file).Keys);
        }
    }

    [Theory]
    [InlineData("fr-FR", "Import refusé", "Compte supprimé", "Connexion", "Prospection par SMS\u00a0: Retiré")]
    [InlineData("en-GB", "Import rejected", "Deleted account", "Sign-in", "SMS marketing: Withdrawn")]
    public async Task AuditPage_CodesAndIds_ShownInWords(string culture, string rejected, string deletedAccount, string signIn, string consent)
    {
        await using var database = await TestDatabase.CreateAsync();
        string keptUserId;
        int batchId, customerId;
        await using (var db = database.CreateContext())
        {
            var user = new AppUser { UserName = "claire@example.org", Email = "claire@example.org" };
            db.Users.Add(user);
            var batch = new ImportBatch { UserName = "analyste@demo.local", FileName = "clients-mars.csv",
                Format = "customers", Status = ImportStatus.Rejected, StartedAtUtc = DateTime.UtcNow };
            db.ImportBatches.Add(batch);
            var customer = new CustomerInsight.Core.Customers.Customer { SourceId = "CLI-004242", CreatedAtUtc = DateTime.UtcNow };
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Ct);
            (keptUserId, batchId, customerId) = (user.Id, batch.Id, customer.Id);
            var at = new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
            db.AuditEntries.AddRange(
                new AuditEntry { AtUtc = at, UserName = "analyste@demo.local", Action = "import.rejected",
                    Target = $"batch {batchId}", Details = "customers: clients-mars.csv", RowCount = 3 },
                new AuditEntry { AtUtc = at.AddMinutes(1), UserName = "admin@demo.local",
                    Action = "user.disable", Target = $"user:{Guid.NewGuid()}" },
                new AuditEntry { AtUtc = at.AddMinutes(2), UserName = "claire@example.org",
                    Action = AccountAudit.SignIn, Target = $"user:{keptUserId}" },
                new AuditEntry { AtUtc = at.AddMinutes(3), UserName = "admin@demo.local", Action =
                    PrivacyCommands.ConsentAction, Target = $"customer:{customerId}", Details = "SmsMarketing Withdrawn" });
            await db.SaveChangesAsync(Ct);
        }
        await using var context = new PageContext(culture, database.ConnectionString);

        var page = context.Render<AuditPageComponent>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("[data-testid=audit-action-name]").Count), TimeSpan.FromSeconds(30));
        var text = page.Find("[data-testid=audit-grid]").TextContent;
        Assert.Contains(rejected, text, StringComparison.Ordinal);
        Assert.Contains("clients-mars.csv", text, StringComparison.Ordinal);
        Assert.Contains(deletedAccount, text, StringComparison.Ordinal);
        Assert.Contains("claire@example.org", text, StringComparison.Ordinal);
        Assert.Contains(signIn, text, StringComparison.Ordinal);
        Assert.Contains("CLI-004242", text, StringComparison.Ordinal);
        Assert.Contains(consent, text, StringComparison.Ordinal);
        Assert.DoesNotContain("import.rejected", text, StringComparison.Ordinal);
        Assert.DoesNotContain("user:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("batch ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("customer:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SmsMarketing", text, StringComparison.Ordinal);
        // The workbook link carries the page's filters.
        Assert.Equal("/exports/audit.xlsx", page.Find("a[data-testid=audit-export]").GetAttribute("href"));
    }

    private sealed class PageContext : BunitTestBase
    {
        public PageContext(string culture, string connectionString) : base(culture)
        {
            AddAppServices(connectionString);
            SignInAs(Roles.Admin, "admin@demo.local");
        }
    }
}
