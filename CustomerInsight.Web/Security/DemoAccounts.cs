using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Security;

/// <summary>The four demo accounts of interfaces.md: usable only while demo data is enabled.</summary>
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

    /// <summary>
    /// Creates the missing demo accounts and gives the retired ones (<see cref="RetireAsync"/>) their password back;
    /// otherwise existing ones are left as they are (an account an admin disabled stays disabled).
    /// </summary>
    public static async Task EnsureAsync(UserManager<AppUser> userManager)
    {
        foreach (var (email, role, name) in All)
        {
            if (await userManager.FindByEmailAsync(email) is { } existing)
            {
                if (!await userManager.HasPasswordAsync(existing))
                {
                    Check(await userManager.AddPasswordAsync(existing, Password));
                }
                continue;
            }
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await userManager.CreateAsync(user, Password));
            Check(await userManager.AddToRoleAsync(user, role));
        }
    }

    /// <summary>
    /// Demo mode off: the demo accounts still in the database (their password is published) lose it, so nobody
    /// signs in with them, and their open sessions end (new security stamp). The accounts stay, so what they did
    /// remains attributed; demo mode on again gives the password back.
    /// </summary>
    /// <returns>How many accounts were retired now.</returns>
    public static async Task<int> RetireAsync(UserManager<AppUser> userManager)
    {
        var retired = 0;
        foreach (var (email, _, _) in All)
        {
            if (await userManager.FindByEmailAsync(email) is { } user && await userManager.HasPasswordAsync(user))
            {
                Check(await userManager.RemovePasswordAsync(user));
                retired++;
            }
        }
        return retired;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
