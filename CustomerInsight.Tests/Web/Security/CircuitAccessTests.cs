using CustomerInsight.Tests.Core.Privacy;
using CustomerInsight.Web.Components.Pages.Exports;

namespace CustomerInsight.Tests.Web.Security;

/// <summary>
/// The one server-side check of circuit actions: a refusal is logged (action, user, policy) and fails one way.
/// The former styles each have their refusal test on the service that now calls it: ImportActionsTests (import),
/// PrivacyActionsTests and UserAdministrationTests (admin), OmocEditorTests (OMOC edits), ThemeEditorPolicyTests
/// (the theme editor's save) and, below, the exports page's customer search.
/// </summary>
public sealed class CircuitAccessTests : BunitTestBase
{
    [Fact]
    public async Task RequireAsync_RoleOutsideThePolicy_LogsAndThrowsAccessDenied()
    {
        var logger = new FakeLogger<CircuitAccess>();
        var access = FixedUser.Access(Roles.Executive, "direction@test.local", logger: logger);

        var refused = await Assert.ThrowsAsync<AccessDeniedException>(() => access.RequireAsync(Policies.Import, "ImportAsync"));

        Assert.Equal(Policies.Import, refused.Policy);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Contains("ImportAsync", entry.Message, StringComparison.Ordinal);
        Assert.Contains("direction@test.local", entry.Message, StringComparison.Ordinal);
        Assert.Contains(Policies.Import, entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequireAsync_NobodySignedIn_Refused()
    {
        var access = FixedUser.Access(role: null);

        await Assert.ThrowsAsync<AccessDeniedException>(() => access.RequireAsync(Policies.Reader));
        Assert.False(await access.AllowsAsync(Policies.Reader));
    }

    [Fact]
    public async Task RequireNameAsync_RoleInThePolicy_TheUserNameForTheAuditAndNothingLogged()
    {
        var logger = new FakeLogger<CircuitAccess>();
        var access = FixedUser.Access(Roles.Admin, "admin@test.local", logger: logger);

        Assert.Equal("admin@test.local", await access.RequireNameAsync(Policies.Admin));
        Assert.True(await access.AllowsAsync(Policies.CustomerData));
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task CustomerSearch_ChangeManagerWithoutCustomerData_RefusedOnTheServer()
    {
        await using var context = await SignInOverPrivacyDataAsync(Roles.ChangeManager);
        // The component alone, as a crafted circuit event would reach it whatever the page hid.
        var search = Render<CustomerFileExport>();
        search.WaitForElement("[data-testid=export-customer-search] input, input[data-testid=export-customer-search]")
            .Input(PrivacyTestContext.KeptId);

        search.Find("[data-testid=export-customer-find]").Click();

        search.WaitForElement("[data-testid=export-customer-not-found]");
        Assert.Empty(search.FindAll("a[data-testid=export-customer]"));
    }
}
