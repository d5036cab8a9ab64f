using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Quality;
using CustomerInsight.Core.Unify;

namespace CustomerInsight.Web.Components.Pages.Quality;

/// <summary>
/// What the Good data page does on the server. Every call re-checks <see cref="Policies.DataQuality"/> (analysts,
/// admins) against the circuit's current user (<see cref="CircuitAccess"/>): the page attribute guards navigation, a
/// circuit event is not trusted on its own. Merges and undos are audited under that user's name.
/// </summary>
public sealed class QualityActions(
    QualityQueries quality,
    UnifyQueries unifyQueries,
    UnifyCommands unify,
    IOptions<PrivacyOptions> privacy,
    CircuitAccess access,
    ILogger<QualityActions> logger)
{
    public async Task<QualityReport> QualityAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync();
        return await Task.Run(() => quality.ComputeAsync(privacy.Value.RetentionMonths, cancellationToken), cancellationToken);
    }

    public async Task<QualityCustomers> BehindAsync(string code, string? format, CancellationToken cancellationToken = default)
    {
        await RequireAsync();
        return await Task.Run(() => quality.BehindAsync(code, format, privacy.Value.RetentionMonths, 100, cancellationToken), cancellationToken);
    }

    public async Task<UnifyPreview> PreviewAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync();
        return await Task.Run(() => unifyQueries.PreviewAsync(cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<MergeHistoryRow>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        await RequireAsync();
        return await unifyQueries.HistoryAsync(20, cancellationToken);
    }

    /// <summary>Merges the given groups (member ids as the preview showed them); null merges every group found now.</summary>
    public async Task<MergeResult> MergeAsync(IReadOnlyList<IReadOnlyList<int>>? groups, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync();
        var result = await Task.Run(() => unify.MergeAsync(groups, user, cancellationToken), cancellationToken);
        logger.LogInformation("Merge of {Groups} group(s) ({Customers} customers) by {User}; {Stale} stale", result.Groups, result.Customers, user,
            result.Stale);
        return result;
    }

    public async Task<MergeUndoResult> UndoAsync(int mergeId, CancellationToken cancellationToken = default)
    {
        var user = await RequireAsync();
        var result = await Task.Run(() => unify.UndoAsync(mergeId, user, cancellationToken), cancellationToken);
        logger.LogInformation("Undo of merge {MergeId} by {User}: {Outcome}", mergeId, user, result.Outcome);
        return result;
    }

    private Task<string> RequireAsync([System.Runtime.CompilerServices.CallerMemberName] string action = "") =>
        access.RequireNameAsync(Policies.DataQuality, action);
}
