using System.Text.RegularExpressions;
using CustomerInsight.Web.Components.Account;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Tests.Integration;

/// <summary>Sign-ins, failures, lockouts and sign-outs reach the audit log; admins export it as a workbook, audited itself.</summary>
[Collection(AppCollection.Name)]
public partial class AuditTrailTests(InsightAppFactory app)
{
    private const string Password = "Audit-trail-2026!";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignInsAndSignOut_EveryOutcomeAudited_WithoutPasswordOrTypedAddress()
    {
        var (id, email) = await CreateAccountAsync();
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";

        using (var client = await app.TrySignInAsync(email, Password) ?? throw new InvalidOperationException("sign-in refused"))
        {
            var home = await client.GetStringAsync("/", Ct);
            using var form = new FormUrlEncodedContent(new Dictionary<string,
                string> { ["__RequestVerificationToken"] = Token().Match(home).Groups[1].Value });
            Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/Account/Logout", form, Ct)).StatusCode);
        }
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Null(await app.TrySignInAsync(email, "wrong-" + Password));
        }
        // Locked out now: even the right password is refused, and said so in the log.
        Assert.Null(await app.TrySignInAsync(email, Password));
        Assert.Null(await app.TrySignInAsync(unknown, Password));

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContextAsync(Ct);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Target == $"user:{id}").OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(
            [AccountAudit.SignIn, AccountAudit.SignOut, .. Enumerable.Repeat(AccountAudit.SignInFailed, 4),
                AccountAudit.LockedOut, AccountAudit.LockedOut],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(email, e.UserName));
        Assert.Equal(["wrong-password", "wrong-password", "wrong-password", "wrong-password", "locked-out", "locked-out"],
            entries.Skip(2).Select(e => e.Details));
        var unknownEntry = await db.AuditEntries.AsNoTracking().OrderByDescending(a =>
            a.Id).FirstAsync(a => a.Action == AccountAudit.SignInFailed, Ct);
        Assert.Equal((AccountAudit.UnknownAccount, (string?)null, "unknown-account"),
            (unknownEntry.UserName, unknownEntry.Target, unknownEntry.Details));
        var everything = string.Join("\n",
            (await db.AuditEntries.AsNoTracking().ToListAsync(Ct)).Select(a => $"{a.UserName}|{a.Target}|{a.Details}"));
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown, everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditWorkbook_Admin_EntriesInWordsReadBackAndTheExportAudited_OthersRefused()
    {
        var (id, email) = await CreateAccountAsync();
        Assert.NotNull(await app.TrySignInAsync(email, Password));
        using var analyst = await app.CreateClientAsAsync(Roles.Analyst);
        using var admin = await app.CreateClientAsAsync(Roles.Admin);

        var refused = await analyst.GetAsync("/exports/audit.xlsx", Ct);
        var response = await admin.GetAsync($"/exports/audit.xlsx?action={AccountAudit.SignIn}", Ct);

        Refusals.AssertAccessDenied(refused);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = Assert.Single(book.Worksheets);
        var header = sheet.Row(ExcelReportWriter.HeaderRow).CellsUsed().Select(c => c.GetString()).ToArray();
        Assert.Equal(["Date", "Utilisateur", "Action", "Cible", "Détails", "Lignes", "Code de l'action"], header);
        var rows = sheet.RowsUsed().Where(r => r.RowNumber() > ExcelReportWriter.HeaderRow)
            .Select(r => (User: r.Cell(2).GetString(), Action: r.Cell(3).GetString(), Target: r.Cell(4).GetString(), Code: r.Cell(7).GetString()))
            .ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("Connexion", AccountAudit.SignIn), (r.Action, r.Code)));
        Assert.Contains((email, "Connexion", $"Compte {email}", AccountAudit.SignIn), rows);
        Assert.DoesNotContain(rows, r => r.Target.Contains("user:", StringComparison.Ordinal));
        Assert.True(sheet.Cell(sheet.RowsUsed().Last().RowNumber(), 1).DataType == XLDataType.DateTime);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContextAsync(Ct);
        var export = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .FirstAsync(a => a.Action == ExcelExports.AuditAction && a.Target == ExcelExports.AuditLogReportCode, Ct);
        Assert.Equal("admin@demo.local", export.UserName);
        Assert.Equal(rows.Count, export.RowCount);
        Assert.Contains($"action={AccountAudit.SignIn}", export.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(id, string.Join(" ", rows.Select(r => r.Target)), StringComparison.Ordinal);
    }

    private async Task<(string Id, string Email)> CreateAccountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"audit-{Guid.NewGuid():N}@example.org";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Analyst)).Succeeded);
        return (user.Id, email);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>Every test of <see cref="AuditTrailTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class AuditTrailOnPostgresTests(PostgresAppFactory app) : AuditTrailTests(app);
