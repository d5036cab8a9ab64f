using CustomerInsight.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Security;

/// <summary>The four demo accounts of interfaces.md, created only while demo data is enabled.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!2026";

    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName)> All =
    [
        ("direction@demo.local", Roles.Executive, "Direction"),
        ("analyste@demo.local", Roles.Analyst, "Analyste"),
        ("changement@demo.local", Roles.ChangeManager, "Conduite du changement"),
        ("admin@demo.local", Roles.Admin, "Administration"),
    ];

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roleManager)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Creates the missing demo accounts; existing ones are left as they are.</summary>
    public static async Task EnsureAsync(UserManager<AppUser> userManager)
    {
        foreach (var (email, role, name) in All)
        {
            if (await userManager.FindByEmailAsync(email) is not null)
            {
                continue;
            }
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await userManager.CreateAsync(user, Password));
            Check(await userManager.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
