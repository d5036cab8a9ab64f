using System.Security.Claims;
using CustomerInsight.Core.Auditing;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Components.Account;

/// <summary>
/// Audits sign-ins (success, failure, lockout) and sign-outs. The entry names the account (its user name and
/// <c>user:&lt;id&gt;</c>), never the password; an attempt on an account that does not exist records neither the
/// typed address nor anything else the visitor typed.
/// </summary>
public sealed class AccountAudit(AuditLog audit, UserManager<AppUser> users)
{
    public const string SignIn = "auth.signin";
    public const string SignInFailed = "auth.signin.failed";
    public const string LockedOut = "auth.lockout";
    public const string SignOut = "auth.signout";

    /// <summary>The user name of entries about an account that does not exist.</summary>
    public const string UnknownAccount = "unknown-account";

    /// <summary>Records the outcome of one password sign-in attempt for the address <paramref name="typedEmail"/>.</summary>
    public async Task SignInAttemptAsync(string typedEmail, SignInOutcome outcome, CancellationToken cancellationToken = default)
    {
        var user = string.IsNullOrWhiteSpace(typedEmail) ? null : await users.FindByEmailAsync(typedEmail) ?? await users.FindByNameAsync(typedEmail);
        if (user is null)
        {
            await audit.WriteAsync(UnknownAccount, SignInFailed, details: outcome == SignInOutcome.Throttled ? "throttled" : "unknown-account",
                cancellationToken: cancellationToken);
            return;
        }
        var name = user.UserName ?? user.Id;
        var target = $"user:{user.Id}";
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                await audit.WriteAsync(name, SignIn, target, cancellationToken: cancellationToken);
                break;
            case SignInOutcome.LockedOut or SignInOutcome.Disabled:
                await audit.WriteAsync(name, LockedOut, target, outcome == SignInOutcome.Disabled ? "disabled" : "locked-out",
                    cancellationToken: cancellationToken);
                break;
            default:
                await audit.WriteAsync(name, SignInFailed, target, outcome == SignInOutcome.Throttled ? "throttled" : "wrong-password",
                    cancellationToken: cancellationToken);
                break;
        }
    }

    /// <summary>Records the sign-out of <paramref name="principal"/> (nothing when no one was signed in).</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true, Name: { } name })
        {
            return;
        }
        var id = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        await audit.WriteAsync(name, SignOut, id is null ? null : $"user:{id}", cancellationToken: cancellationToken);
    }
}
