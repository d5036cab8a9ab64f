using CustomerInsight.Core.Auditing;
using CustomerInsight.Core.Data;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Rfm;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Value;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Segments;

/// <summary>A segmentation as its latest version defines it (the filter bar's and the page's list).</summary>
public sealed record SegmentationInfo(string Key, string Name, int Version, DateTime SavedAtUtc, string SavedBy, SegmentationDefinition Definition);

/// <summary>One saved version: who, when, why.</summary>
public sealed record SegmentationVersionInfo(string Key, string Name, int Number, DateTime SavedAtUtc, string SavedBy, string Reason,
    SegmentationDefinition Definition);

/// <summary>The result of a save: the key and the new version number, or why nothing was saved.</summary>
public sealed record SegmentationSaveResult(string? Key, int? Version, IReadOnlyList<SegmentError> Errors)
{
    public bool Saved => Version is not null;
}

/// <summary>How many customers each segment of a definition holds at an analysis date (the editor's live count).</summary>
public sealed record SegmentationCounts(DateOnly AnalysisDate, int Customers, IReadOnlyList<SegmentCount> Segments, int Unassigned);

/// <summary>The customers of one custom segment at a date and the version that placed them (what every figure names).</summary>
public sealed record SegmentMembers(SegmentRef Ref, string SegmentationName, int Version, string SegmentName, DateOnly AnalysisDate,
    int[] CustomerIds);

/// <summary>
/// The expected value over a fit's horizon of each segment of one segmentation version (product.md page 10, by custom segment):
/// the customers placed at <paramref name="AnalysisDate"/>, the day after the calibration end, as the RFM segments are; one row per
/// segment in the version's order (<see cref="ClvSegmentValue{TSegment}.Segment"/> is its position), then the customers in none
/// (<see cref="NoSegment"/>).
/// </summary>
public sealed record SegmentationValue(SegmentationVersionInfo Version, DateOnly AnalysisDate, IReadOnlyList<ClvSegmentValue<int>> Segments)
{
    /// <summary>The row of the fitted customers that no segment of the version takes.</summary>
    public const int NoSegment = -1;
}

/// <summary>
/// Custom segmentations (product.md page 11): versions (save, list), the facts their rules look at, computed set-based
/// per analysis date and cached, counts and members. Evaluation itself is <see cref="SegmentEvaluator"/> (pure): rules are
/// data, never SQL.
/// </summary>
public sealed class SegmentationQueries(
    IDbContextFactory<InsightDbContext> factory,
    RfmScoreCache rfmScores,
    ConsentQueries consents,
    BusinessCalendar calendar,
    AuditLog audit,
    TimeProvider clock,
    ClvQueries? clv = null,
    DataChangeNotifier? notifier = null,
    CurrentDataVersion? versions = null,
    CustomerActivityStore? activity = null)
{
    public const string SaveAuditAction = "segments.save";

    // Every dashboard lists them and keys its figures by them: read once per change heard, not per filter change.
    private readonly SharedRead<IReadOnlyList<SegmentationInfo>>? segmentations = notifier is null ? null
        : new(cancellationToken => ReadSegmentationsAsync(factory, cancellationToken), notifier, clock);
    private readonly SharedRead<int>? latestVersionId = notifier is null ? null
        : new(cancellationToken => ReadLatestVersionIdAsync(factory, cancellationToken), notifier, clock);

    private readonly ResultCache<(DateOnly Date, DataVersion Version, int Customers, FactParts Parts), IReadOnlyList<CustomerSegmentFacts>> facts =
        new(capacity: 4, lifetime: TimeSpan.FromMinutes(5), clock);

    // A dashboard view asks for its segment's members several times at once (its figures, its top themes, the satisfaction by
    // segment): evaluated once per segment of a version, date and data version.
    private readonly ResultCache<(DateOnly Date, DataVersion Version, int Customers, string Segmentation, int Number, string Segment), int[]> members =
        new(capacity: 16, lifetime: TimeSpan.FromMinutes(5), clock);

    /// <summary>Every segmentation at its latest version, by name.</summary>
    public Task<IReadOnlyList<SegmentationInfo>> GetSegmentationsAsync(CancellationToken cancellationToken = default) =>
        segmentations?.GetAsync(cancellationToken) ?? ReadSegmentationsAsync(factory, cancellationToken);

    /// <summary>The id of the latest saved version of any segmentation (0 when none): a save changes it.</summary>
    public Task<int> GetLatestVersionIdAsync(CancellationToken cancellationToken = default) =>
        latestVersionId?.GetAsync(cancellationToken) ?? ReadLatestVersionIdAsync(factory, cancellationToken);

    private static async Task<int> ReadLatestVersionIdAsync(IDbContextFactory<InsightDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SegmentationVersion>().AsNoTracking().MaxAsync(v => (int?)v.Id, cancellationToken) ?? 0;
    }

    private static async Task<IReadOnlyList<SegmentationInfo>> ReadSegmentationsAsync(IDbContextFactory<InsightDbContext> factory,
        CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var versions = db.Set<SegmentationVersion>().AsNoTracking();
        var latest = await versions
            .Where(v => !versions.Any(n => n.SegmentationKey == v.SegmentationKey && n.Number > v.Number))
            .ToListAsync(cancellationToken);
        return latest
            .OrderBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(v => new SegmentationInfo(v.SegmentationKey, v.Name, v.Number, v.SavedAtUtc, v.SavedBy,
                SegmentationDefinition.Deserialize(v.Definition)))
            .ToList();
    }

    /// <summary>Every version of a segmentation, newest first; empty when the key is unknown.</summary>
    public async Task<IReadOnlyList<SegmentationVersionInfo>> GetVersionsAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<SegmentationVersion>().AsNoTracking()
            .Where(v => v.SegmentationKey == key)
            .OrderByDescending(v => v.Number)
            .ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    /// <summary>One version (the latest when <paramref name="number"/> is null); null when there is none.</summary>
    public async Task<SegmentationVersionInfo?> GetVersionAsync(string key, int? number = null, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<SegmentationVersion>().AsNoTracking().Where(v => v.SegmentationKey == key);
        var row = number is { } n
            ? await query.FirstOrDefaultAsync(v => v.Number == n, cancellationToken)
            : await query.OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToInfo(row);
    }

    /// <summary>
    /// Saves a version (who, when, why; audited). A null <paramref name="key"/> creates a segmentation (key from its name);
    /// otherwise <paramref name="basedOnVersion"/> must still be the latest (else <see cref="SegmentError.Conflict"/>).
    /// Segments keep their keys; a new segment gets one from its name. The caller checks the policy.
    /// </summary>
    public async Task<SegmentationSaveResult> SaveAsync(string? key, string? name, SegmentationDefinition definition, int basedOnVersion,
        string? reason, string userName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var errors = SegmentationRules.Validate(name, definition, reason);
        if (errors.Count > 0)
        {
            return new SegmentationSaveResult(key, null, errors);
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var versions = db.Set<SegmentationVersion>();
        if (key is null)
        {
            var keys = await versions.Select(v => v.SegmentationKey).Distinct().ToListAsync(cancellationToken);
            key = SegmentationRules.KeyFor(name!, keys);
        }
        var latest = await versions.Where(v => v.SegmentationKey == key).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        if (latest != basedOnVersion)
        {
            return new SegmentationSaveResult(key, null, [new SegmentError(SegmentError.Conflict)]);
        }
        var cleaned = WithKeys(definition);
        var number = latest + 1;
        versions.Add(new SegmentationVersion
        {
            SegmentationKey = key,
            Number = number,
            Name = name!.Trim(),
            SavedAtUtc = clock.GetUtcNow().UtcDateTime,
            SavedBy = userName,
            Reason = reason!.Trim(),
            Definition = cleaned.Serialize(),
        });
        db.AuditEntries.Add(audit.NewEntry(userName, SaveAuditAction, $"segmentation:{key}:v{number}", $"segments={cleaned.Segments.Count}",
            cleaned.Segments.Count));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.CommitAndNotifyAsync(db, transaction, cancellationToken);
        return new SegmentationSaveResult(key, number, []);
    }

    /// <summary>The facts <paramref name="definition"/>'s rules look at beyond the RFM scores: only those are read for its customers (the
    /// value model is fitted only for P(alive) and CLV).</summary>
    public static FactParts Needs(SegmentationDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Segments.SelectMany(s => s.Groups).SelectMany(g => g.Conditions).Aggregate(FactParts.None, (parts, c) => parts | c.Field switch
        {
            SegmentField.Country => FactParts.Country,
            SegmentField.Channel => FactParts.Channels,
            SegmentField.Consent => FactParts.Consents,
            SegmentField.PAlive or SegmentField.Clv => FactParts.Value,
            _ => FactParts.None,
        });
    }

    /// <summary>
    /// The customers' facts at <paramref name="analysisDate"/> (cached per date and data version); with <paramref name="withValue"/>,
    /// P(alive) and CLV of the value model fitted on the data before the analysis date (calibration end: the day before).
    /// </summary>
    public async Task<IReadOnlyList<CustomerSegmentFacts>> GetFactsAsync(DateOnly analysisDate, CancellationToken cancellationToken = default) =>
        await GetFactsAsync(analysisDate, withValue: false, cancellationToken);

    public Task<IReadOnlyList<CustomerSegmentFacts>> GetFactsAsync(DateOnly analysisDate, bool withValue,
        CancellationToken cancellationToken = default) =>
        GetFactsAsync(analysisDate, FactParts.AllButValue | (withValue ? FactParts.Value : FactParts.None), cancellationToken);

    /// <summary>The facts <paramref name="definition"/> looks at (<see cref="Needs"/>), the others empty.</summary>
    public Task<IReadOnlyList<CustomerSegmentFacts>> GetFactsAsync(DateOnly analysisDate, SegmentationDefinition definition,
        CancellationToken cancellationToken = default) =>
        GetFactsAsync(analysisDate, Needs(definition), cancellationToken);

    private async Task<IReadOnlyList<CustomerSegmentFacts>> GetFactsAsync(DateOnly analysisDate, FactParts parts,
        CancellationToken cancellationToken)
    {
        var (version, customers) = await DataKeyAsync(cancellationToken);
        return await GetFactsAsync(analysisDate, parts, version, customers, cancellationToken);
    }

    private Task<IReadOnlyList<CustomerSegmentFacts>> GetFactsAsync(DateOnly analysisDate, FactParts parts, DataVersion version, int customers,
        CancellationToken cancellationToken)
    {
        if (clv is null)
        {
            parts &= ~FactParts.Value;
        }
        // Not cancelled by one caller: another render may be waiting on the same entry.
        return facts.GetAsync((analysisDate, version, customers, parts),
            () => Concurrent.Read(() => ComputeFactsAsync(analysisDate, parts, customers, CancellationToken.None)), cancellationToken);
    }

    /// <summary>
    /// What the facts are as of: the data version and the highest customer id (a rectified country changes no id: that and the
    /// caches' short lifetime bound how stale a country is).
    /// </summary>
    private async Task<(DataVersion Version, int Customers)> DataKeyAsync(CancellationToken cancellationToken)
    {
        var version = await CurrentDataVersion.ReadAsync(versions, factory, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return (version, await db.Customers.AsNoTracking().MaxAsync(c => (int?)c.Id, cancellationToken) ?? 0);
    }

    /// <summary>The live count of a definition (saved or being edited) at <paramref name="analysisDate"/>.</summary>
    public async Task<SegmentationCounts> CountAsync(SegmentationDefinition definition, DateOnly analysisDate,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var all = await GetFactsAsync(analysisDate, definition, cancellationToken);
        var (segments, unassigned) = SegmentEvaluator.Count(definition, all);
        return new SegmentationCounts(analysisDate, all.Count, segments, unassigned);
    }

    /// <summary>
    /// The customers of <paramref name="segment"/> at <paramref name="analysisDate"/>, placed by the segmentation's version
    /// <paramref name="version"/> (latest when null); null when the segmentation, version or segment does not exist.
    /// </summary>
    public async Task<SegmentMembers?> GetMembersAsync(SegmentRef segment, DateOnly analysisDate, int? version = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(segment);
        var saved = await GetVersionAsync(segment.SegmentationKey, version, cancellationToken);
        if (saved?.Definition.Find(segment.SegmentKey) is not { } definition)
        {
            return null;
        }
        var (data, customers) = await DataKeyAsync(cancellationToken);
        // Not cancelled by one caller: another render may be waiting on the same entry.
        var ids = await members.GetAsync((analysisDate, data, customers, saved.Key, saved.Number, segment.SegmentKey),
            async () => SegmentEvaluator.Members(saved.Definition, segment.SegmentKey,
                await GetFactsAsync(analysisDate, Needs(saved.Definition), data, customers, CancellationToken.None)), cancellationToken);
        return new SegmentMembers(segment, saved.Name, saved.Number, definition.Name, analysisDate, ids);
    }

    /// <summary>
    /// The value of <paramref name="model"/>'s customers by segment of <paramref name="key"/>'s latest version (the version in use, as
    /// the dashboard's segment filter takes it), placed the day after the calibration end; null when the segmentation does not exist.
    /// </summary>
    public async Task<SegmentationValue?> GetValueAsync(ClvResult model, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (await GetVersionAsync(key, null, cancellationToken) is not { } saved)
        {
            return null;
        }
        var analysisDate = model.CalibrationEnd.AddDays(1);
        var assign = SegmentEvaluator.Assigner(saved.Definition);
        var placed = (await GetFactsAsync(analysisDate, saved.Definition, cancellationToken))
            .ToDictionary(f => f.CustomerId, assign);
        var order = Enumerable.Range(0, saved.Definition.Segments.Count).Append(SegmentationValue.NoSegment);
        var rows = ClvSegments.Summarize(model, id => [placed.GetValueOrDefault(id, SegmentationValue.NoSegment)], order);
        return new SegmentationValue(saved, analysisDate, rows);
    }

    /// <summary>
    /// Migration between the segments of one version (the latest when <paramref name="version"/> is null) at two dates, so both
    /// dates are placed by the same rules; null when the segmentation or version does not exist.
    /// </summary>
    public async Task<SegmentMigration?> GetMigrationAsync(string key, int? version, DateOnly earlierDate, DateOnly laterDate,
        CancellationToken cancellationToken = default)
    {
        if (await GetVersionAsync(key, version, cancellationToken) is not { } saved)
        {
            return null;
        }
        var earlier = await GetFactsAsync(earlierDate, saved.Definition, cancellationToken);
        var later = await GetFactsAsync(laterDate, saved.Definition, cancellationToken);
        HashSet<int> erased;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            erased = (await db.Customers.AsNoTracking().Where(c => c.ErasedAtUtc != null).Select(c => c.Id).ToListAsync(cancellationToken))
                .ToHashSet();
        }
        return SegmentMigrationCalculator.Calculate(saved, earlierDate, earlier, laterDate, later, erased);
    }

    /// <summary>The default analysis date of metrics.md (the day after the latest sale); null on an empty database.</summary>
    public async Task<DateOnly?> GetDefaultAnalysisDateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return RfmScorer.DefaultAnalysisDate(await SalesReads.LatestSaleDateAsync(db, cancellationToken));
    }

    /// <summary>
    /// Every scored customer's facts at <paramref name="analysisDate"/>: the RFM scores and the <paramref name="parts"/> asked for. They
    /// are independent and read at once: the countries from the database, the channels bought on and the consents (from the node's
    /// snapshot in the web app, else in SQL), the value model; each kept by customer id in an array (ids are dense). At 10 M order
    /// lines on PostgreSQL a first visit of a dashboard filtered by a custom segment took 6.4–6.8 s with every part read in turn, the
    /// channels by a GROUP BY of every order, in dictionaries of a million entries (bench/RESULTS.md).
    /// </summary>
    private async Task<IReadOnlyList<CustomerSegmentFacts>> ComputeFactsAsync(DateOnly analysisDate, FactParts parts, int maxCustomerId,
        CancellationToken cancellationToken)
    {
        var countries = parts.HasFlag(FactParts.Country)
            ? Task.Run(() => ReadCountriesAsync(maxCustomerId, cancellationToken), cancellationToken) : Task.FromResult<string?[]>([]);
        var channels = parts.HasFlag(FactParts.Channels)
            ? Task.Run(() => ReadChannelsAsync(analysisDate, maxCustomerId, cancellationToken), cancellationToken) : Task.FromResult<int[]>([]);
        var granted = parts.HasFlag(FactParts.Consents)
            ? ReadConsentsAsync(analysisDate, maxCustomerId, cancellationToken) : Task.FromResult<int[]>([]);
        // The value model sees what RFM sees: the purchases before the analysis date (its calibration end is inclusive).
        var fit = parts.HasFlag(FactParts.Value) && clv is not null
            ? clv.GetModelAsync(analysisDate.AddDays(-1), cancellationToken)
            : Task.FromResult<ClvResult?>(null);
        var scoring = rfmScores.GetAsync(analysisDate, cancellationToken);
        await Task.WhenAll(countries, channels, granted, fit, scoring);
        var (countryOf, channelsOf, consentsOf) = (await countries, await channels, await granted);
        var (alive, value) = await fit is { } model ? await Task.Run(() => ValuesById(model, maxCustomerId), cancellationToken)
            : ([], []);
        return new SegmentFactsTable((await scoring).Customers, countryOf, channelsOf, consentsOf, alive, value);
    }

    /// <summary>The consent purposes each customer has granted at the start of <paramref name="analysisDate"/> (business time, as the
    /// segments page's reach counts them), as bits by id.</summary>
    private async Task<int[]> ReadConsentsAsync(DateOnly analysisDate, int maxCustomerId, CancellationToken cancellationToken)
    {
        var purposes = Enum.GetValues<ConsentPurpose>();
        var granted = await consents.GetGrantedCustomerIdsAsync(purposes, calendar.ToUtc(analysisDate.ToDateTime(TimeOnly.MinValue)),
            cancellationToken);
        var bits = new int[maxCustomerId + 1];
        for (var k = 0; k < purposes.Length; k++)
        {
            foreach (var id in granted[k])
            {
                ById.Set(ref bits, id, ById.Get(bits, id) | CustomerSegmentFacts.ConsentBit(purposes[k]));
            }
        }
        return bits;
    }

    /// <summary>Every customer's country, by id.</summary>
    private async Task<string?[]> ReadCountriesAsync(int maxCustomerId, CancellationToken cancellationToken)
    {
        var countries = new string?[maxCustomerId + 1];
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await foreach (var c in db.Customers.AsNoTracking().Select(c => new { c.Id, c.Country }).AsAsyncEnumerable()
            .WithCancellation(cancellationToken))
        {
            ById.Set(ref countries, c.Id, c.Country);
        }
        return countries;
    }

    /// <summary>The channels each customer bought on before <paramref name="analysisDate"/> (<see cref="SalesEnums.Bit"/>), by id: each
    /// customer's sale orders in the node's snapshot in the web app, else one GROUP BY in SQL (a row per customer and channel).</summary>
    private async Task<int[]> ReadChannelsAsync(DateOnly analysisDate, int maxCustomerId, CancellationToken cancellationToken)
    {
        var channels = new int[maxCustomerId + 1];
        if (activity is { KeepsSnapshots: true })
        {
            var snapshot = await activity.GetWholeAsync(cancellationToken);
            for (var slot = 0; slot < snapshot.Customers; slot++)
            {
                var sales = snapshot.SalesOf(slot);
                var bits = 0;
                foreach (var channel in sales.Channels[..sales.CountBefore(analysisDate.DayNumber)])
                {
                    bits |= ((Channel)channel).Bit();
                }
                if (bits != 0)
                {
                    ById.Set(ref channels, snapshot.IdOf(slot), bits);
                }
            }
            return channels;
        }
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var bought = db.Orders.AsNoTracking()
            .Where(o => o.CustomerId != null && o.Kind == OrderKind.Sale && o.BusinessDate < analysisDate)
            .GroupBy(o => new { CustomerId = o.CustomerId!.Value, o.Channel })
            .Select(g => new { g.Key.CustomerId, g.Key.Channel })
            .AsAsyncEnumerable();
        await foreach (var b in bought.WithCancellation(cancellationToken))
        {
            ById.Set(ref channels, b.CustomerId, ById.Get(channels, b.CustomerId) | b.Channel.Bit());
        }
        return channels;
    }

    /// <summary>P(alive) and CLV of each customer of <paramref name="model"/> by id (NaN for the others and for CLV without a spend
    /// model), computed in fixed slices of the customers on all cores.</summary>
    private static (double[] Alive, double[] Value) ValuesById(ClvResult model, int maxCustomerId)
    {
        var customers = model.Customers;
        var length = Math.Max(maxCustomerId, customers.Count == 0 ? 0 : customers[^1].CustomerId) + 1;
        var (alive, value) = (new double[length], new double[length]);
        alive.AsSpan().Fill(double.NaN);
        value.AsSpan().Fill(double.NaN);
        LikelihoodSums.ForEachSlice(customers.Count, 8, (_, from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var c = customers[i];
                (alive[c.CustomerId], value[c.CustomerId]) = (c.ProbabilityAlive, c.Clv ?? double.NaN);
            }
        });
        return (alive, value);
    }

    /// <summary>Gives each segment without a key one from its name, unique in the definition; keys already there stay.</summary>
    private static SegmentationDefinition WithKeys(SegmentationDefinition definition)
    {
        var taken = definition.Segments.Where(s => !string.IsNullOrEmpty(s.Key)).Select(s => s.Key).ToList();
        var segments = new List<SegmentDefinition>();
        foreach (var s in definition.Segments)
        {
            var key = s.Key;
            if (string.IsNullOrEmpty(key))
            {
                key = SegmentationRules.KeyFor(s.Name, taken);
                taken.Add(key);
            }
            segments.Add(s with
            {
                Key = key,
                Name = s.Name.Trim(),
                Groups = s.Groups.Select(g => g with { Conditions = g.Conditions.Select(c => c with { Value = c.Value.Trim() }).ToArray() })
                    .ToArray(),
            });
        }
        return new SegmentationDefinition(segments);
    }

    private static SegmentationVersionInfo ToInfo(SegmentationVersion v) =>
        new(v.SegmentationKey, v.Name, v.Number, v.SavedAtUtc, v.SavedBy, v.Reason, SegmentationDefinition.Deserialize(v.Definition));
}

/// <summary>Arrays by customer id (ids are dense): an id past the end reads as the default, and a write past it grows the array.</summary>
internal static class ById
{
    public static T? Get<T>(T[] array, int id) => (uint)id < (uint)array.Length ? array[id] : default;

    public static T Get<T>(T[] array, int id, T none) => (uint)id < (uint)array.Length ? array[id] : none;

    public static void Set<T>(ref T[] array, int id, T value)
    {
        if (id >= array.Length)
        {
            Array.Resize(ref array, Math.Max(id + 1, array.Length * 2));
        }
        array[id] = value;
    }
}
