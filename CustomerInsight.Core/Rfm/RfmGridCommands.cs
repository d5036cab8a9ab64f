using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Rfm;

/// <summary>The result of saving an RFM version: its number, or the code of why nothing was saved (resolved through .resx by the page).</summary>
public sealed record RfmGridSaveResult(int? Version, string? Error)
{
    public const string ReasonRequired = "ReasonRequired";
    public const string ReasonTooLong = "ReasonTooLong";
    public const string Thresholds = "Thresholds";
    public const string Unchanged = "Unchanged";
    public const string Conflict = "Conflict";

    public bool Saved => Version is not null;
}

/// <summary>
/// Saves a version of the RFM segmentation (frequency scoring, thresholds, grid): who, when, why, audited as
/// <see cref="SaveAuditAction"/>. The first save also writes version 1, the configuration in use until then, so its figures
/// stay named. The caller checks the policy. Every node's open pages hear of it (<see cref="DataChangeNotifier"/>).
/// </summary>
public sealed class RfmGridCommands(IDbContextFactory<InsightDbContext> factory, RfmQueries rfm, AuditLog audit, TimeProvider clock,
    DataChangeNotifier? notifier = null)
{
    public const string SaveAuditAction = "rfm.save";
    public const int MaxReasonLength = 500;

    /// <param name="basedOnVersion">The version the editor started from: must still be the one in use, else <see
    /// cref="RfmGridSaveResult.Conflict"/>.</param>
    public async Task<RfmGridSaveResult> SaveAsync(RfmFrequencyScoring scoring, IReadOnlyList<int> thresholds, RfmGrid grid, int basedOnVersion,
        string? reason, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new RfmGridSaveResult(null, RfmGridSaveResult.ReasonRequired);
        }
        if (reason.Trim().Length > MaxReasonLength)
        {
            return new RfmGridSaveResult(null, RfmGridSaveResult.ReasonTooLong);
        }
        if (!Enum.IsDefined(scoring) || RfmFrequencyScale.Validate(thresholds) is not null)
        {
            return new RfmGridSaveResult(null, RfmGridSaveResult.Thresholds);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = db.Set<RfmGridVersion>();
        var current = await versions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken) is { } row
            ? RfmGridSettings.FromRow(row)
            : rfm.ConfiguredSettings;
        if (current.Version != basedOnVersion)
        {
            return new RfmGridSaveResult(null, RfmGridSaveResult.Conflict);
        }
        var scale = new RfmFrequencyScale(scoring, thresholds);
        if (scale.Equals(current.FrequencyScale) && RfmGridSettings.FormatGrid(grid) == RfmGridSettings.FormatGrid(current.Grid))
        {
            return new RfmGridSaveResult(null, RfmGridSaveResult.Unchanged);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (current.FromConfiguration && current.SavedAtUtc is null)
        {
            versions.Add(ToRow(current, now, userName, string.Empty));
        }
        var number = current.Version + 1;
        versions.Add(ToRow(new RfmGridSettings(number, scale, grid, FromConfiguration: false), now, userName, reason.Trim()));
        db.AuditEntries.Add(audit.NewEntry(userName, SaveAuditAction, $"rfm:v{number}",
            $"frequency={scoring}; thresholds={RfmGridSettings.FormatThresholds(thresholds)}", 1));
        await db.SaveChangesAsync(cancellationToken);
        // A new version places customers in other segments: open pages and the shared data version hear it.
        await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        return new RfmGridSaveResult(number, null);
    }

    private static RfmGridVersion ToRow(RfmGridSettings settings, DateTime savedAtUtc, string userName, string reason) => new()
    {
        Number = settings.Version,
        FrequencyScoring = settings.FrequencyScale.Scoring,
        FrequencyThresholds = RfmGridSettings.FormatThresholds(settings.FrequencyScale.Thresholds),
        Grid = RfmGridSettings.FormatGrid(settings.Grid),
        FromConfiguration = settings.FromConfiguration,
        SavedAtUtc = savedAtUtc,
        SavedBy = userName,
        Reason = reason,
    };
}
