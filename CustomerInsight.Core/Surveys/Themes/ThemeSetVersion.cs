namespace CustomerInsight.Core.Surveys.Themes;

/// <summary>
/// One saved version of the theme set: who saved it, when and why, and the whole set as JSON
/// (<see cref="ThemeSets.Serialize"/>). Versions are never edited; the highest number is the set in use.
/// Holds no comment text: figures and matches are computed from the comments when asked, so an erased
/// comment leaves nothing behind here.
/// </summary>
public class ThemeSetVersion
{
    public int Id { get; set; }
    public int Number { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
    public required string Reason { get; set; }
    public required string Definition { get; set; }
}
