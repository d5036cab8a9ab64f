using CustomerInsight.Tests.Core.Privacy;
using CustomerInsight.Web.Components.Pages.Privacy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace CustomerInsight.Tests.Web.Privacy;

/// <summary>The privacy pages reach the Core actions only through PrivacyActions, which re-checks the Admin policy.</summary>
public sealed class PrivacyActionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Roles.Analyst)]
    [InlineData(Roles.Executive)]
    [InlineData(Roles.ChangeManager)]
    public async Task EveryAction_NonAdmin_DeniedAndNothingChanged(string role)
    {
        await using var context = await PrivacyTestContext.CreateAsync(Ct);
        using var services = Build(context, role);
        var actions = services.GetRequiredService<PrivacyActions>();
        var id = await ErasedCustomerIdAsync(context);

        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.EraseAsync(id, PrivacyTestContext.ErasedId, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.FindAsync(PrivacyTestContext.ErasedId, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            actions.RectifyAsync(id, new PersonalFields(null, null, null, null, null, null, null), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            actions.RecordConsentAsync(id, new ConsentChange(ConsentPurpose.SmsMarketing, ConsentStatus.Withdrawn, DateTime.UtcNow, "x", null), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.DryRunAsync(Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.PurgeAsync(new Progress<RetentionProgress>(), Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actions.GetAuditPageAsync(new AuditFilter(), 0, 10, Ct));

        await using var db = context.Import.Database.CreateContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == id, Ct);
        Assert.Null(customer.ErasedAtUtc);
        Assert.Equal("Zephyrine", customer.FirstName);
        Assert.Equal(4, await db.ConsentRecords.CountAsync(Ct));
    }

    [Fact]
    public async Task EraseAsync_AdminWithWrongConfirmation_NothingErased()
    {
        await using var context = await PrivacyTestContext.CreateAsync(Ct);
        using var services = Build(context, Roles.Admin);
        var actions = services.GetRequiredService<PrivacyActions>();
        var id = await ErasedCustomerIdAsync(context);

        Assert.Null(await actions.EraseAsync(id, "KEEP-1", Ct));

        var result = await actions.EraseAsync(id, PrivacyTestContext.ErasedId, Ct);
        Assert.Equal(ErasureOutcome.Erased, result?.Outcome);
        var audit = await actions.GetAuditPageAsync(new AuditFilter(Action: CustomerErasure.AuditAction), 0, 10, Ct);
        Assert.Equal("admin@test.example", Assert.Single(audit.Rows).UserName);
    }

    private static async Task<int> ErasedCustomerIdAsync(PrivacyTestContext context)
    {
        await using var db = context.Import.Database.CreateContext();
        return await db.Customers.Where(c => c.SourceId == PrivacyTestContext.ErasedId).Select(c => c.Id).SingleAsync(Ct);
    }

    private static ServiceProvider Build(PrivacyTestContext context, string role)
    {
        var services = BunitTestBase.AddAppServices(new ServiceCollection(), context.Import.Database.ConnectionString);
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddCircuitActions();
        services.AddSingleton<AuthenticationStateProvider>(new FixedUser(role, $"{role.ToLowerInvariant()}@test.example"));
        return services.BuildServiceProvider();
    }
}
