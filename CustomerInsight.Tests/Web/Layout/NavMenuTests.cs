using CustomerInsight.Web.Components.Layout;

namespace CustomerInsight.Tests.Web.Layout;

public sealed class NavMenuTests : BunitTestBase
{
    [Theory]
    [InlineData(CustomerInsight.Core.Data.Roles.Executive)]
    [InlineData(CustomerInsight.Core.Data.Roles.Analyst)]
    [InlineData(CustomerInsight.Core.Data.Roles.ChangeManager)]
    [InlineData(CustomerInsight.Core.Data.Roles.Admin)]
    public void Render_SignedInRole_ShowsExactlyThePagesItsPoliciesAllow(string role)
    {
        SignInAs(role);

        var menu = Render<NavMenu>();

        var shown = menu.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav") ?? "").ToList();
        var expected = NavItems.All.Where(i => Policies.RolesByPolicy[i.Policy].Contains(role)).Select(i => i.Key).ToList();
        Assert.Equal(expected, shown);
        Assert.Contains("dashboard", shown);
    }

    [Fact]
    public void Render_Executive_HidesCustomerDataAndAdminPages()
    {
        SignInAs(CustomerInsight.Core.Data.Roles.Executive);
        var menu = Render<NavMenu>();
        var shown = menu.FindAll("[data-nav]").Select(e => e.GetAttribute("data-nav")).ToHashSet();
        var forbidden = NavItems.All.Where(i =>
            i.Policy is Policies.CustomerData or Policies.Admin or Policies.Import or Policies.Export).Select(i => i.Key);
        Assert.All(forbidden, key => Assert.DoesNotContain(key, shown));
    }

    [Fact]
    public void Render_French_LabelsAreFrench()
    {
        SignInAs(CustomerInsight.Core.Data.Roles.Analyst);
        var menu = Render<NavMenu>();
        Assert.Contains("Tableau de bord", menu.Markup, StringComparison.Ordinal);
    }
}
