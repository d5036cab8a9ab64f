using CustomerInsight.Core.Customers;

namespace CustomerInsight.Core.Unify;

/// <summary>A source record of a match group: its profile and when it was created (the source's date when given).</summary>
public sealed record ProfileSource(int CustomerId, DateTime CreatedAtUtc, PersonalFields Values);

/// <summary>
/// metrics.md: a merge keeps, for each profile field, the value of the most recently created source record that
/// has one (a tie on the creation instant goes to the higher customer id, the later record here).
/// </summary>
public static class UnifiedProfile
{
    public static PersonalFields Choose(IReadOnlyList<ProfileSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var newestFirst = sources.OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.CustomerId).ToArray();
        string? Pick(Func<PersonalFields, string?> field) =>
            newestFirst.Select(s => field(s.Values)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        return new PersonalFields(
            Pick(v => v.FirstName), Pick(v => v.LastName), Pick(v => v.Email), Pick(v => v.Phone),
            Pick(v => v.PostalCode), Pick(v => v.City), Pick(v => v.Country));
    }
}
