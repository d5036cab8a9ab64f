using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Security;

/// <summary>Why a password is refused (<see cref="PasswordRules.Check"/>); <see cref="None"/> when it is accepted.</summary>
public enum PasswordProblem
{
    None,
    TooShort,
    TooCommon,
}

/// <summary>
/// The password rules, in one place for every path that sets a password (<c>create-admin</c>, a new account and a
/// new password on the administration page, Identity itself through <see cref="CommonPasswordValidator"/>):
/// a minimum length (longer for admins, OWASP ASVS: length rather than composition rules) and not one of the
/// common passwords shipped with the app (Security/CommonPasswords.txt, compared without case).
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 8;
    public const int MinimumAdminLength = 12;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static int MinimumLengthFor(string? role) => role == Roles.Admin ? MinimumAdminLength : MinimumLength;

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim());

    public static PasswordProblem Check(string? role, string? password)
    {
        password ??= "";
        if (password.Length < MinimumLengthFor(role))
        {
            return PasswordProblem.TooShort;
        }
        return IsCommon(password) ? PasswordProblem.TooCommon : PasswordProblem.None;
    }

    private static HashSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CustomerInsight.Web.Security.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim());
            }
        }
        return set;
    }
}

/// <summary>Identity's own check of <see cref="PasswordRules"/>' common list: whatever path sets a password, it is refused.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && PasswordRules.IsCommon(password)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordTooCommon",
                Description = "This password is one of the most common passwords." })
            : IdentityResult.Success);
}
