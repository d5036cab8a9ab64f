using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace CustomerInsight.Web.Security;

/// <summary>What a sign-in attempt came to, as the sign-in page words it.</summary>
public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
    Disabled,
    Throttled,
}

/// <summary>
/// Password sign-in with the checks Identity leaves to the app: attempts throttled per client address
/// (<see cref="SignInThrottle"/>) as well as per account (Identity's lockout), and the same work whether the
/// account exists or not: when Identity would not hash the password (unknown account, no password, locked out),
/// a stored dummy hash is verified instead, so the time taken does not tell which accounts exist.
/// </summary>
public sealed class SignInGate(SignInManager<AppUser> signInManager, SignInThrottle throttle, ILogger<SignInGate> logger)
{
    private static string? dummyHash;

    public async Task<SignInOutcome> PasswordSignInAsync(string email, string password, bool rememberMe, string client)
    {
        if (!throttle.TryBegin(client))
        {
            logger.LogWarning("Sign-in refused: too many failed attempts from {Client}.", client);
            return SignInOutcome.Throttled;
        }
        var users = signInManager.UserManager;
        var user = await users.FindByNameAsync(email);
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            VerifyDummyHash(users.PasswordHasher, password);
        }
        if (user is null)
        {
            return SignInOutcome.Failed;
        }
        // Failures count towards lockout (engineering.md: lockoutOnFailure: true).
        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.Succeeded(client);
            return SignInOutcome.Succeeded;
        }
        if (result.IsLockedOut)
        {
            // Disabled by an admin: said like that whatever the password (checking it would let anyone try
            // passwords on a disabled account without limit: failures no longer count once it is locked).
            return user.LockoutEnd == UserAdministration.DisabledUntil ? SignInOutcome.Disabled : SignInOutcome.LockedOut;
        }
        return SignInOutcome.Failed;
    }

    private static void VerifyDummyHash(IPasswordHasher<AppUser> hasher, string password)
    {
        var user = new AppUser();
        dummyHash ??= hasher.HashPassword(user, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(user, dummyHash, password);
    }
}
