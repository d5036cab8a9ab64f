using System.Diagnostics.CodeAnalysis;

namespace CustomerInsight.Core.Segments;

/// <summary>
/// The URL-stable id of a custom segment: <c>{segmentation key}.{segment key}</c> (<c>deux-profils.gros-acheteurs</c>).
/// Keys never change across versions, so a bookmarked filter keeps working; RFM segment codes have no dot.
/// </summary>
public sealed record SegmentRef(string SegmentationKey, string SegmentKey)
{
    public override string ToString() => $"{SegmentationKey}.{SegmentKey}";

    public static bool TryParse(string? text, [NotNullWhen(true)] out SegmentRef? value)
    {
        value = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }
        var dot = trimmed.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == trimmed.Length - 1 || trimmed.IndexOf('.', dot + 1) >= 0)
        {
            return false;
        }
        var (segmentation, segment) = (trimmed[..dot], trimmed[(dot + 1)..]);
        if (!IsKey(segmentation) || !IsKey(segment))
        {
            return false;
        }
        value = new SegmentRef(segmentation, segment);
        return true;
    }

    private static bool IsKey(string key) => key.Length <= 64 && key.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
