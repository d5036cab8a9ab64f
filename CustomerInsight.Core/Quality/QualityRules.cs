using CustomerInsight.Core.Unify;

namespace CustomerInsight.Core.Quality;

/// <summary>The validity rules of metrics.md ("Good data"): pure.</summary>
public static class QualityRules
{
    /// <summary>One <c>@</c>, a non-empty local part, a domain with a dot and no space.</summary>
    public static bool IsValidEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return false;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || email.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }
        var domain = email.AsSpan(at + 1);
        return domain.Contains('.') && !domain.ContainsAny(" \t\u00A0");
    }

    /// <summary>The normalised phone (<see cref="MatchKeys.Phone"/>) has 8 to 15 digits.</summary>
    public static bool IsValidPhone(string? phone) => MatchKeys.Phone(phone) is { Length: >= 8 and <= 15 };

    /// <summary>A French postal code: 5 digits.</summary>
    public static bool IsValidFrenchPostalCode(string? postalCode)
    {
        var value = postalCode?.Trim();
        return value is { Length: 5 } && value.All(char.IsAsciiDigit);
    }

    /// <summary>Whether the customer's postal code is checked as French: its country is France.</summary>
    public static bool IsFrance(string? country) =>
        country?.Trim() is { } c && (c.Equals("France", StringComparison.OrdinalIgnoreCase) || c.Equals("FR", StringComparison.OrdinalIgnoreCase));
}
