namespace CustomerInsight.Core.Segments;

/// <summary>
/// One saved version of a custom segmentation: its URL-stable key, its name, who saved it, when and why, and its
/// segments as JSON (<see cref="SegmentationDefinition.Serialize"/>). Versions are never edited; the highest number of
/// a key is the version in use, earlier ones stay for figures that name them.
/// </summary>
public class SegmentationVersion
{
    public int Id { get; set; }
    public required string SegmentationKey { get; set; }
    public int Number { get; set; }
    public required string Name { get; set; }
    public DateTime SavedAtUtc { get; set; }
    public required string SavedBy { get; set; }
    public required string Reason { get; set; }
    public required string Definition { get; set; }
}
