namespace CustomerInsight.Tests.Integration;

/// <summary>Every page answers its roles and refuses the others, on the server.</summary>
[Collection(AppCollection.Name)]
public class AccessTests(InsightAppFactory app)
{
    private const string E = Roles.Executive, A = Roles.Analyst, C = Roles.ChangeManager, D = Roles.Admin;

    /// <summary>
    /// Each page of the app and the roles that may open it, written out from product.md (its roles table and pages,
    /// and README's pages table), not read from <see cref="Policies.RolesByPolicy"/>: a wrong policy fails here.
    /// </summary>
    public static readonly IReadOnlyList<(string Path, string[] Roles)> ProtectedPages =
    [
        ("/", [E, A, C, D]),
        ("/exports", [A, C, D]), // Excel exports (analysts, admins); the OMOC report also for change managers
        ("/privacy", [D]),
        ("/audit", [D]),
        ("/admin", [D]),
        ("/segments", [E, A, C, D]),
        ("/segments/custom", [A, D]),
        ("/satisfaction", [E, A, C, D]),
        ("/value", [E, A, D]), // value and churn (product.md page 10): executives see aggregates only
        ("/customers", [A, D]), // personal data: never executives or change managers
        ("/customers/1", [A, D]),
        ("/omoc", [E, A, C, D]),
        ("/omoc/projects/1", [E, A, C, D]),
        ("/omoc/workshops/1", [E, A, C, D]),
        ("/omoc/populations/1", [E, A, C, D]),
        ("/omoc/projects/1/sociodynamics", [C, D]), // a very small group
        ("/omoc/saturation", [E, C, D]),
        ("/data", [A, D]),
        ("/quality", [A, D]), // Good data (product.md page 15): analysts, admins
    ];

    public static TheoryData<string> Pages() => new(ProtectedPages.Select(p => p.Path));

    public static TheoryData<string, string, string> PagesByRole()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (path, allowed) in ProtectedPages)
        {
            foreach (var role in Roles.All)
            {
                data.Add(path, string.Join(',', allowed), role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Get_Anonymous_RedirectsToLogin(string path)
    {
        using var client = app.CreateAnonymousClient();
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Refusals.AssertRedirectsToLogin(response);
    }

    [Theory]
    [MemberData(nameof(PagesByRole))]
    public async Task Get_SignedIn_AllowedRolesGetThePageOthersAreRefused(string path, string allowedRoles, string role)
    {
        var response = await app.GetAsAsync(role, path, TestContext.Current.CancellationToken);
        if (allowedRoles.Split(',').Contains(role))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // The page itself rendered (its title), not an empty or error area: a render error in the page leaves
            // the layout's error boundary empty (dotnet/aspnetcore#56950) and the status stays 200.
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var main = html[html.IndexOf("mud-main-content", StringComparison.Ordinal)..];
            Assert.Contains("mud-typography-h4", main, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"error-boundary\"", main, StringComparison.Ordinal);
        }
        else
        {
            Refusals.AssertAccessDenied(response);
        }
    }

    [Fact]
    public async Task LoginPage_DemoMode_ListsTheFourDemoAccounts()
    {
        using var client = app.CreateAnonymousClient();
        var html = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);
        foreach (var (email, _, _) in DemoAccounts.All)
        {
            Assert.Contains(email, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Login_WrongPasswordFiveTimes_LocksTheAccount()
    {
        using var client = app.CreateAnonymousClient();
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = new AppUser { UserName = "lock@test.local", Email = "lock@test.local", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, "Correct!2026")).Succeeded);

        for (var i = 0; i < 5; i++)
        {
            var form = await client.GetStringAsync("/Account/Login", TestContext.Current.CancellationToken);
            var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["_handler"] = "login",
                ["Input.Email"] = "lock@test.local",
                ["Input.Password"] = "Wrong!2026",
            });
            await client.PostAsync("/Account/Login", content, TestContext.Current.CancellationToken);
        }

        using var freshScope = app.Services.CreateScope();
        var freshUsers = freshScope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var reloaded = await freshUsers.FindByEmailAsync("lock@test.local");
        Assert.True(await freshUsers.IsLockedOutAsync(reloaded!));
    }
}

/// <summary>Sign-out is a form post with the antiforgery token: a post from another site is refused.</summary>
[Collection(AppCollection.Name)]
public partial class LogoutTests(InsightAppFactory app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Logout_WithoutToken_Refused_StillSignedIn_WithTheFormsToken_SignedOut()
    {
        using var client = await app.CreateClientAsAsync(Roles.Executive);
        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string>()))
        {
            var refused = await client.PostAsync("/Account/Logout", forged, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        var token = Token().Match(await home.Content.ReadAsStringAsync(Ct)).Groups[1].Value;
        Assert.NotEmpty(token);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        var signedOut = await client.PostAsync("/Account/Logout", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var after = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex Token();
}

/// <summary>Every test of <see cref="AccessTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class AccessOnPostgresTests(PostgresAppFactory app) : AccessTests(app);

/// <summary>Every test of <see cref="LogoutTests"/> on the app over PostgreSQL.</summary>
[Collection(AppOnPostgresCollection.Name)]
public sealed class LogoutOnPostgresTests(PostgresAppFactory app) : LogoutTests(app);
