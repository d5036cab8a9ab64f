namespace CustomerInsight.Core.Privacy;

/// <summary>
/// "Was this customer reachable for this purpose at that instant?" over an append-only history. Pure.
/// </summary>
public static class ConsentHistory
{
    /// <summary>
    /// The latest record of <paramref name="purpose"/> recorded at or before <paramref name="atUtc"/> decides;
    /// no such record means not granted. A withdrawal recorded at exactly <paramref name="atUtc"/> already
    /// applies. When a grant and a withdrawal share the same instant, the withdrawal wins: the history
    /// cannot say which came last, and contacting someone who may have refused is the worse mistake.
    /// </summary>
    /// <param name="atUtc">A UTC instant (<see cref="DateTimeKind.Unspecified"/> is read as UTC, as dates read back from the database are).</param>
    public static bool IsGranted(IEnumerable<ConsentEntry> history, ConsentPurpose purpose, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Decide(history.Select(e => (e.Purpose, e.Status, e.RecordedAtUtc)), purpose, atUtc);
    }

    /// <inheritdoc cref="IsGranted(IEnumerable{ConsentEntry}, ConsentPurpose, DateTime)"/>
    public static bool IsGranted(IEnumerable<ConsentRecord> history, ConsentPurpose purpose, DateTime atUtc)
    {
        ArgumentNullException.ThrowIfNull(history);
        return Decide(history.Select(r => (r.Purpose, r.Status, r.RecordedAtUtc)), purpose, atUtc);
    }

    private static bool Decide(IEnumerable<(ConsentPurpose Purpose, ConsentStatus Status, DateTime RecordedAtUtc)> history, ConsentPurpose purpose,
        DateTime atUtc)
    {
        if (atUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException("The instant must be in UTC.", nameof(atUtc));
        }
        DateTime? latest = null;
        var granted = false;
        foreach (var (recordPurpose, status, recordedAtUtc) in history)
        {
            if (recordPurpose != purpose || recordedAtUtc > atUtc)
            {
                continue;
            }
            if (latest is null || recordedAtUtc > latest)
            {
                latest = recordedAtUtc;
                granted = status == ConsentStatus.Granted;
            }
            else if (recordedAtUtc == latest && status == ConsentStatus.Withdrawn)
            {
                granted = false;
            }
        }
        return granted;
    }
}
