namespace CustomerInsight.Core.Privacy;

/// <summary>One entry of a consent history as a plain record (what the 360 page and the pure functions use).</summary>
public sealed record ConsentEntry(
    ConsentPurpose Purpose,
    ConsentStatus Status,
    DateTime RecordedAtUtc,
    string Source,
    string? ProofReference)
{
    public static ConsentEntry From(ConsentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new ConsentEntry(record.Purpose, record.Status, record.RecordedAtUtc, record.Source, record.ProofReference);
    }
}
