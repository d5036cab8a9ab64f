namespace CustomerInsight.Core.Reporting;

/// <summary>
/// Sheet names Excel accepts: 1 to 31 characters, none of <c>[ ] : * ? / \</c>, not starting or
/// ending with an apostrophe, not "History" (reserved), unique in the workbook ignoring case.
/// </summary>
public sealed class SheetNames
{
    public const int MaxLength = 31;

    private static readonly char[] Forbidden = ['[', ']', ':', '*', '?', '/', '\\'];
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A valid name close to <paramref name="wanted"/>, reserved for this workbook.</summary>
    public string Take(string? wanted)
    {
        var name = Clean(wanted);
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = name[..Math.Min(name.Length, MaxLength - suffix.Length)].TrimEnd() + suffix;
        }
        return candidate;
    }

    /// <summary>The name with forbidden characters replaced and the length cut (not yet made unique).</summary>
    public static string Clean(string? wanted)
    {
        var chars = ExcelReportWriter.XmlSafe(wanted ?? "").Select(c => Array.IndexOf(Forbidden, c) >= 0 || char.IsControl(c) ? '_' : c).ToArray();
        var name = new string(chars).Trim().Trim('\'').Trim();
        if (name.Length > MaxLength)
        {
            name = name[..MaxLength];
            if (char.IsHighSurrogate(name[^1]))
            {
                name = name[..^1];
            }
            name = name.TrimEnd().TrimEnd('\'');
        }
        if (name.Length == 0)
        {
            name = "Sheet";
        }
        return string.Equals(name, "History", StringComparison.OrdinalIgnoreCase) ? name + "_" : name;
    }
}
