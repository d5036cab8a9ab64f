using CustomerInsight.Tests.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// Users and roles against the real app (its own database: these tests create, disable and demote accounts),
/// checked through what matters: who can sign in, with which access, and what the audit log says.
/// </summary>
public class UserAdministrationTests : EngineTestBase, IAsyncLifetime
{
    private const string Password = "correct horse battery";
    private InsightAppFactory app = null!;
    private AsyncServiceScope scope;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UserManager<AppUser> Users => scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

    public ValueTask InitializeAsync()
    {
        app = new InsightAppFactory(null, Engine);
        scope = app.Services.CreateAsyncScope();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.ChangeManager)]
    public async Task EveryCommand_NonAdmin_DeniedAndNothingChanged(string role)
    {
        var admin = await DemoUserAsync(Roles.Admin);
        var analyst = await DemoUserAsync(Roles.Analyst);
        var accounts = await Users.Users.CountAsync(Ct);
        var administration = As(role, "intruder@demo.local");

        await Assert.ThrowsAsync<AccessDeniedException>(() => administration.ListAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            administration.CreateAsync(new NewUser("new@example.org", null, Roles.Admin, Password), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => administration.ChangeRoleAsync(analyst.Id, Roles.Admin, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => administration.SetDisabledAsync(admin.Id, true, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => administration.SetPasswordAsync(admin.Id, Password, Ct));

        Assert.Equal(accounts, await Users.Users.CountAsync(Ct));
        Assert.Equal([Roles.Analyst], await Users.GetRolesAsync(await Users.FindByIdAsync(analyst.Id) ?? throw new InvalidOperationException()));
        Assert.NotNull(await app.TrySignInAsync("admin@demo.local", DemoAccounts.Password));
    }

    [Fact]
    public async Task Create_TheNewAccountSignsInWithItsRoleAndTheCreationIsAudited()
    {
        var administration = await AsDemoAdminAsync();

        var result = await administration.CreateAsync(new NewUser("  Claire.Martin@example.org ", " Claire Martin ", Roles.Analyst, Password), Ct);

        Assert.True(result.Succeeded, result.Details);
        var row = Assert.Single(await administration.ListAsync(Ct), u => u.Email == "Claire.Martin@example.org");
        Assert.Equal(("Claire Martin", Roles.Analyst, false, false), (row.DisplayName, row.Role, row.Disabled, row.LockedOut));
        using var client = await app.TrySignInAsync("Claire.Martin@example.org", Password) ?? throw new InvalidOperationException("sign-in refused");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/customers", Ct)).StatusCode);
        Assert.StartsWith("/Account/AccessDenied", (await client.GetAsync("/admin", Ct)).Headers.Location?.OriginalString, StringComparison.Ordinal);

        var entry = await LastAuditAsync("user.create");
        Assert.Equal(("admin@demo.local", $"user:{row.Id}", "role Analyst"), (entry.UserName, entry.Target, entry.Details));
        Assert.DoesNotContain(Password, entry.Details ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not an address", Roles.Analyst, Password, UserAdminError.InvalidEmail)]
    [InlineData("analyste@demo.local", Roles.Analyst, Password, UserAdminError.EmailTaken)]
    [InlineData("short@example.org", Roles.Analyst, "7 chars", UserAdminError.PasswordTooShort)]
    [InlineData("short-admin@example.org", Roles.Admin, "eleven char", UserAdminError.PasswordTooShort)]
    [InlineData("nobody@example.org", "Owner", Password, UserAdminError.UnknownRole)]
    public async Task Create_BadInput_RefusedWithItsReasonAndNoAccountCreated(string email, string role, string password, UserAdminError expected)
    {
        var administration = await AsDemoAdminAsync();
        var accounts = await Users.Users.CountAsync(Ct);

        var result = await administration.CreateAsync(new NewUser(email, null, role, password), Ct);

        Assert.Equal(expected, result.Error);
        Assert.Equal(accounts, await Users.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task Create_EightCharactersAreEnoughForAnAnalystButNotForAnAdmin()
    {
        var administration = await AsDemoAdminAsync();

        Assert.True((await administration.CreateAsync(new NewUser("eight@example.org", null, Roles.Analyst, "8 chars!"), Ct)).Succeeded);
        Assert.Equal(UserAdminError.PasswordTooShort,
            (await administration.CreateAsync(new NewUser("eight-admin@example.org", null, Roles.Admin, "8 chars!"), Ct)).Error);
        Assert.True((await administration.CreateAsync(new NewUser("twelve-admin@example.org", null, Roles.Admin, "12 chars ok!"), Ct)).Succeeded);
    }

    [Fact]
    public async Task Disable_TheAccountCanNoLongerSignIn_EnableGivesItBack()
    {
        var administration = await AsDemoAdminAsync();
        var executive = await DemoUserAsync(Roles.Executive);
        var stamp = executive.SecurityStamp;

        Assert.True((await administration.SetDisabledAsync(executive.Id, true, Ct)).Succeeded);

        Assert.Null(await app.TrySignInAsync("direction@demo.local", DemoAccounts.Password));
        var row = Assert.Single(await administration.ListAsync(Ct), u => u.Id == executive.Id);
        Assert.True(row.Disabled);
        Assert.NotEqual(stamp, (await Users.FindByIdAsync(executive.Id))!.SecurityStamp);

        Assert.True((await administration.SetDisabledAsync(executive.Id, false, Ct)).Succeeded);
        Assert.NotNull(await app.TrySignInAsync("direction@demo.local", DemoAccounts.Password));
        Assert.Equal("admin@demo.local", (await LastAuditAsync("user.disable")).UserName);
        Assert.Equal($"user:{executive.Id}", (await LastAuditAsync("user.enable")).Target);
    }

    [Fact]
    public async Task ChangeRole_TheAccountGetsTheAccessOfItsNewRoleOnly()
    {
        var administration = await AsDemoAdminAsync();
        var analyst = await DemoUserAsync(Roles.Analyst);

        Assert.True((await administration.ChangeRoleAsync(analyst.Id, Roles.Executive, Ct)).Succeeded);

        Assert.Equal([Roles.Executive], await Users.GetRolesAsync((await Users.FindByIdAsync(analyst.Id))!));
        using var client = await app.TrySignInAsync("analyste@demo.local", DemoAccounts.Password)
            ?? throw new InvalidOperationException("sign-in refused");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Ct)).StatusCode);
        Assert.StartsWith("/Account/AccessDenied",
            (await client.GetAsync("/customers", Ct)).Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal("Analyst -> Executive", (await LastAuditAsync("user.role")).Details);
    }

    [Fact]
    public async Task OwnAccount_AnAdminCannotDemoteOrDisableThemself()
    {
        var administration = await AsDemoAdminAsync();
        var admin = await DemoUserAsync(Roles.Admin);

        Assert.Equal(UserAdminError.OwnAccount, (await administration.ChangeRoleAsync(admin.Id, Roles.Analyst, Ct)).Error);
        Assert.Equal(UserAdminError.OwnAccount, (await administration.SetDisabledAsync(admin.Id, true, Ct)).Error);
        Assert.NotNull(await app.TrySignInAsync("admin@demo.local", DemoAccounts.Password));
    }

    [Fact]
    public async Task LastActiveAdmin_CannotBeDemotedOrDisabled()
    {
        // A second admin is disabled by the first while its page is still open: from that stale session it may
        // not remove the only admin left.
        var first = await AsDemoAdminAsync();
        Assert.True((await first.CreateAsync(new NewUser("second-admin@example.org", null, Roles.Admin, "a long admin password"), Ct)).Succeeded);
        var second = (await Users.FindByEmailAsync("second-admin@example.org"))!;
        Assert.True((await first.SetDisabledAsync(second.Id, true, Ct)).Succeeded);
        var admin = await DemoUserAsync(Roles.Admin);
        var stale = As(Roles.Admin, "second-admin@example.org", second.Id);

        Assert.Equal(UserAdminError.LastAdmin, (await stale.SetDisabledAsync(admin.Id, true, Ct)).Error);
        Assert.Equal(UserAdminError.LastAdmin, (await stale.ChangeRoleAsync(admin.Id, Roles.Analyst, Ct)).Error);
        Assert.NotNull(await app.TrySignInAsync("admin@demo.local", DemoAccounts.Password));

        // With a second active admin, the first may be demoted.
        Assert.True((await first.SetDisabledAsync(second.Id, false, Ct)).Succeeded);
        Assert.True((await stale.ChangeRoleAsync(admin.Id, Roles.Analyst, Ct)).Succeeded);
    }

    [Fact]
    public async Task SetPassword_OnlyTheNewPasswordSignsIn()
    {
        var administration = await AsDemoAdminAsync();
        var manager = await DemoUserAsync(Roles.ChangeManager);

        Assert.Equal(UserAdminError.PasswordTooShort, (await administration.SetPasswordAsync(manager.Id, "short", Ct)).Error);
        Assert.True((await administration.SetPasswordAsync(manager.Id, Password, Ct)).Succeeded);

        Assert.Null(await app.TrySignInAsync("changement@demo.local", DemoAccounts.Password));
        Assert.NotNull(await app.TrySignInAsync("changement@demo.local", Password));
        var entry = await LastAuditAsync("user.password");
        Assert.Equal($"user:{manager.Id}", entry.Target);
        Assert.Null(entry.Details);
    }

    private UserAdministration As(string role, string name, string? id = null) =>
        new(FixedUser.Access(role, name, id),
            Users, scope.ServiceProvider.GetRequiredService<AuditLog>(), TimeProvider.System);

    private async Task<UserAdministration> AsDemoAdminAsync() =>
        As(Roles.Admin, "admin@demo.local", (await DemoUserAsync(Roles.Admin)).Id);

    private async Task<AppUser> DemoUserAsync(string role) =>
        await Users.FindByEmailAsync(DemoAccounts.All.Single(a => a.Role == role).Email) ?? throw new InvalidOperationException(role);

    private async Task<AuditEntry> LastAuditAsync(string action)
    {
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<InsightDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.Where(e => e.Action == action).OrderByDescending(e => e.Id).FirstAsync(Ct);
    }
}

/// <summary>Every test of <see cref="UserAdministrationTests"/> on PostgreSQL.</summary>
public sealed class UserAdministrationOnPostgresTests : UserAdministrationTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
