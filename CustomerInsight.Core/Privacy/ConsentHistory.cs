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
        var state = ConsentState.None;
        foreach (var (recordPurpose, status, recordedAtUtc) in history)
        {
            if (recordPurpose == purpose && recordedAtUtc <= atUtc)
            {
                state = state.With(recordedAtUtc.Ticks, status == ConsentStatus.Granted);
            }
        }
        return state.Granted;
    }
}

/// <summary>
/// A customer's consent for one purpose as its records are folded in, in any order: the latest instant seen and whether every
/// record at that instant is a grant (<see cref="ConsentHistory.IsGranted(IEnumerable{ConsentEntry}, ConsentPurpose, DateTime)"/>'s
/// rule, shared by the reads that decide many customers at once).
/// </summary>
public readonly record struct ConsentState(long Ticks, bool Granted)
{
    /// <summary>No record yet: not granted.</summary>
    public static ConsentState None { get; } = new(long.MinValue, false);

    /// <summary>The state after one more record: a later one decides; a withdrawal at the same instant wins.</summary>
    public ConsentState With(long ticks, bool granted) =>
        ticks > Ticks ? new ConsentState(ticks, granted) : ticks == Ticks && !granted ? this with { Granted = false } : this;
}
