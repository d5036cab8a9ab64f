using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CustomerInsight.Core.Auditing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Web.Security;

/// <summary>One account as the administration page lists it.</summary>
public sealed record UserRow(string Id, string Email, string? DisplayName, string? Role, bool Disabled, bool LockedOut);

/// <summary>An account to create; the password is the first one, handed to the person by the admin.</summary>
public sealed record NewUser(string Email, string? DisplayName, string Role, string Password);

/// <summary>Why an administration command was refused (the page words each one); <see cref="None"/> when it succeeded.</summary>
public enum UserAdminError
{
    None,
    NotFound,
    InvalidEmail,
    EmailTaken,
    PasswordTooShort,
    PasswordTooCommon,
    UnknownRole,
    OwnAccount,
    LastAdmin,
    Rejected,
}

/// <summary>The outcome of a command; <see cref="Details"/> carries Identity's own words when it refused.</summary>
public sealed record UserAdminResult(UserAdminError Error, string? Details = null)
{
    public static readonly UserAdminResult Ok = new(UserAdminError.None);

    public bool Succeeded => Error == UserAdminError.None;
}

/// <summary>
/// Users and roles (product.md, Administration): list accounts, create one with its role, change a role,
/// disable and re-enable an account, set a new password. Every command re-checks the Admin policy on the
/// server (<see cref="CircuitAccess"/>), is audited (who, which account, which role; never a password), and
/// renews the account's security stamp so its open sessions end. An admin cannot demote or disable their own
/// account, and the last active admin cannot be demoted or disabled: someone must always be able to administer.
/// </summary>
public sealed class UserAdministration(
    CircuitAccess access,
    UserManager<AppUser> users,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>A disabled account is locked out until this date (Identity's lockout, checked at every sign-in).</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await access.RequireAsync(Policies.Admin);
        var accounts = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>(accounts.Count);
        foreach (var user in accounts)
        {
            var role = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).FirstOrDefault();
            var disabled = user.LockoutEnd == DisabledUntil;
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, user.DisplayName, role, disabled,
                !disabled && user.LockoutEnd is { } end && end > clock.GetUtcNow()));
        }
        return rows;
    }

    public async Task<UserAdminResult> CreateAsync(NewUser account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var admin = await access.RequireAsync(Policies.Admin);
        var (email, role, password) = ((account.Email ?? "").Trim(), account.Role, account.Password);
        if (!new EmailAddressAttribute().IsValid(email) || email.Length > 256)
        {
            return new(UserAdminError.InvalidEmail);
        }
        if (!Roles.All.Contains(role))
        {
            return new(UserAdminError.UnknownRole);
        }
        if (PasswordRefusal(role, password) is { } refusal)
        {
            return refusal;
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return new(UserAdminError.EmailTaken);
        }
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = Clean(account.DisplayName) };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return Refused(created);
        }
        var granted = await users.AddToRoleAsync(user, role);
        if (!granted.Succeeded)
        {
            await users.DeleteAsync(user);
            return Refused(granted);
        }
        await audit.WriteAsync(Name(admin), "user.create", $"user:{user.Id}", $"role {role}", cancellationToken: cancellationToken);
        return UserAdminResult.Ok;
    }

    public async Task<UserAdminResult> ChangeRoleAsync(string userId, string role, CancellationToken cancellationToken = default)
    {
        var admin = await access.RequireAsync(Policies.Admin);
        if (!Roles.All.Contains(role))
        {
            return new(UserAdminError.UnknownRole);
        }
        var (user, refusal) = await FindOtherAsync(admin, userId);
        if (user is null)
        {
            return refusal!;
        }
        var current = await users.GetRolesAsync(user);
        if (current.Count == 1 && current[0] == role)
        {
            return UserAdminResult.Ok;
        }
        if (current.Contains(Roles.Admin) && await IsLastActiveAdminAsync(user, cancellationToken))
        {
            return new(UserAdminError.LastAdmin);
        }
        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return Refused(removed);
        }
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.AddToRolesAsync(user, current); // back to the roles it had: never left without one
            return Refused(added);
        }
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(Name(admin), "user.role", $"user:{user.Id}", $"{string.Join(",", current)} -> {role}",
            cancellationToken: cancellationToken);
        return UserAdminResult.Ok;
    }

    /// <summary>Disables (the account can no longer sign in, its sessions end) or re-enables an account.</summary>
    public async Task<UserAdminResult> SetDisabledAsync(string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        var admin = await access.RequireAsync(Policies.Admin);
        var (user, refusal) = await FindOtherAsync(admin, userId);
        if (user is null)
        {
            return refusal!;
        }
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastActiveAdminAsync(user, cancellationToken))
        {
            return new(UserAdminError.LastAdmin);
        }
        await users.SetLockoutEnabledAsync(user, true);
        var result = await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null);
        if (!result.Succeeded)
        {
            return Refused(result);
        }
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(Name(admin), disabled ? "user.disable" : "user.enable", $"user:{user.Id}", cancellationToken: cancellationToken);
        return UserAdminResult.Ok;
    }

    /// <summary>Sets a new password (the admin hands it over); also lifts a lockout after failed sign-ins.</summary>
    public async Task<UserAdminResult> SetPasswordAsync(string userId, string password, CancellationToken cancellationToken = default)
    {
        var admin = await access.RequireAsync(Policies.Admin);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return new(UserAdminError.NotFound);
        }
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        if (PasswordRefusal(role, password) is { } refusal)
        {
            return refusal;
        }
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded)
        {
            return Refused(reset);
        }
        if (user.LockoutEnd != DisabledUntil)
        {
            await users.SetLockoutEndDateAsync(user, null);
        }
        await users.ResetAccessFailedCountAsync(user);
        await audit.WriteAsync(Name(admin), "user.password", $"user:{user.Id}", cancellationToken: cancellationToken);
        return UserAdminResult.Ok;
    }

    /// <summary>The minimum length of a password for this role: admins need a longer one (OWASP ASVS), as with <c>create-admin</c>.</summary>
    public static int MinimumPasswordLength(string? role) => PasswordRules.MinimumLengthFor(role);

    private static UserAdminResult? PasswordRefusal(string role, string? password) => PasswordRules.Check(role, password) switch
    {
        PasswordProblem.TooShort => new(UserAdminError.PasswordTooShort),
        PasswordProblem.TooCommon => new(UserAdminError.PasswordTooCommon),
        _ => null,
    };

    /// <summary>The account to change, unless it is the admin's own (which they may not demote or disable).</summary>
    private async Task<(AppUser? User, UserAdminResult? Refusal)> FindOtherAsync(ClaimsPrincipal admin, string userId)
    {
        if (userId == users.GetUserId(admin))
        {
            return (null, new(UserAdminError.OwnAccount));
        }
        var user = await users.FindByIdAsync(userId);
        return user is null ? (null, new(UserAdminError.NotFound)) : (user, null);
    }

    /// <summary>Whether <paramref name="user"/> is the only admin account that is not disabled.</summary>
    private async Task<bool> IsLastActiveAdminAsync(AppUser user, CancellationToken cancellationToken)
    {
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        cancellationToken.ThrowIfCancellationRequested();
        return !admins.Any(a => a.Id != user.Id && a.LockoutEnd != DisabledUntil);
    }

    private static UserAdminResult Refused(IdentityResult result) =>
        new(UserAdminError.Rejected, string.Join(" ", result.Errors.Select(e => e.Description)));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Name(ClaimsPrincipal admin) => admin.Identity!.Name!;
}
