using CustomerInsight.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Cli;

/// <summary><c>create-admin --email E</c>: creates an admin account; the password comes from standard input.</summary>
public sealed class CreateAdminVerb(UserManager<AppUser> userManager, RoleManager<IdentityRole> roleManager, AuditLog audit) : ICliVerb
{
    public string Name => "create-admin";
    public string Summary => "create an admin account (password read from standard input)";
    public string Usage => $"""
        usage: create-admin --email E

        Creates an account with the Admin role. The password (at least {PasswordRules.MinimumAdminLength} characters, not a
        common password) is read from the first line of standard input, e.g.  printf '%s\n' "$PASSWORD" | … create-admin --email E
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        var arguments = CliArguments.Parse(args, ["email"], []);
        var email = arguments.Required("email").Trim();
        if (!new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            throw new CliInputException($"Option --email: \"{email}\" is not an e-mail address.");
        }
        var password = (await console.In.ReadLineAsync(cancellationToken))?.TrimEnd('\r') ?? "";
        switch (PasswordRules.Check(Roles.Admin, password))
        {
            case PasswordProblem.TooShort:
                throw new CliInputException(
                    $"The password read from standard input must have at least {PasswordRules.MinimumAdminLength} characters.");
            case PasswordProblem.TooCommon:
                throw new CliInputException("The password read from standard input is one of the most common passwords: choose another.");
        }
        if (await userManager.FindByEmailAsync(email) is not null)
        {
            throw new CliInputException($"An account with the e-mail {email} already exists.");
        }

        await DemoAccounts.EnsureRolesAsync(roleManager);
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await userManager.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new CliInputException("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
        }
        await userManager.AddToRoleAsync(user, Roles.Admin);
        await audit.WriteAsync("create-admin", "role.grant", target: $"user:{user.Id}", details: "role Admin", cancellationToken: cancellationToken);
        await console.Out.WriteLineAsync($"Admin account created: {email}");
        return 0;
    }
}
