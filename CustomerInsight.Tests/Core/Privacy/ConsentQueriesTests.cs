namespace CustomerInsight.Tests.Core.Privacy;

/// <summary>
/// ConsentQueries on a real SQLite file. Histories: customer 1 grants e-mail on 2024-03-01, withdraws it on
/// 2024-06-15 14:30, grants it again on 2024-09-01, and grants SMS on 2024-01-01; customer 2 grants and
/// withdraws e-mail at the same instant and grants phone; customer 3 granted e-mail but was erased;
/// customer 4 has no consent at all.
/// </summary>
public class ConsentQueriesTests : DatabaseTestBase
{
    private static readonly DateTime EmailGranted = new(2024, 3, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EmailWithdrawn = new(2024, 6, 15, 14, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime EmailRegranted = new(2024, 9, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime NewYear = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Tie = new(2024, 2, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = new(2024, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    private ConsentQueries queries = null!;
    private int c1, c2, c3, c4;

    protected override async Task ArrangeAsync()
    {
        queries = CreateQueries();
        await using var db = Database.CreateContext();
        var customers = Enumerable.Range(1, 4)
            .Select(i => new Customer { SourceId = "S" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CreatedAtUtc = NewYear.AddYears(-1) })
            .ToArray();
        customers[2].ErasedAtUtc = Later;
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        (c1, c2, c3, c4) = (customers[0].Id, customers[1].Id, customers[2].Id, customers[3].Id);

        db.ConsentRecords.AddRange(
            Record(c1, ConsentPurpose.EmailMarketing, ConsentStatus.Granted, EmailGranted, "web-form", "F-1"),
            Record(c1, ConsentPurpose.EmailMarketing, ConsentStatus.Withdrawn, EmailWithdrawn, "unsubscribe-link", null),
            Record(c1, ConsentPurpose.EmailMarketing, ConsentStatus.Granted, EmailRegranted, "store", "P-9"),
            Record(c1, ConsentPurpose.SmsMarketing, ConsentStatus.Granted, NewYear, "web-form", "F-2"),
            Record(c2, ConsentPurpose.EmailMarketing, ConsentStatus.Granted, Tie, "import", null),
            Record(c2, ConsentPurpose.EmailMarketing, ConsentStatus.Withdrawn, Tie, "import", null),
            Record(c2, ConsentPurpose.PhoneMarketing, ConsentStatus.Granted, NewYear, "call", "R-3"),
            Record(c3, ConsentPurpose.EmailMarketing, ConsentStatus.Granted, NewYear, "web-form", null));
        await db.SaveChangesAsync();
    }

    /// <summary>The queries under test: in SQL (the command line's way).</summary>
    protected virtual ConsentQueries CreateQueries() => new(Database.Factory);

    protected ConsentQueries Queries => queries;

    protected int C1 => c1;

    protected static ConsentRecord Record(int customerId, ConsentPurpose purpose, ConsentStatus status, DateTime at, string source, string? proof) =>
        new() { CustomerId = customerId, Purpose = purpose, Status = status, RecordedAtUtc = at, Source = source, ProofReference = proof };

    private Task<HashSet<int>> Granted(ConsentPurpose purpose, DateTime at) =>
        queries.GetGrantedCustomerIdsAsync(purpose, at, TestContext.Current.CancellationToken);

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_BeforeAnyRecord_Empty() =>
        Assert.Empty(await Granted(ConsentPurpose.EmailMarketing, NewYear.AddTicks(-1)));

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_JustBeforeTheWithdrawal_Granted() =>
        Assert.Equal([c1], await Granted(ConsentPurpose.EmailMarketing, EmailWithdrawn.AddTicks(-1)));

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_ExactlyAtTheWithdrawal_NotGranted() =>
        Assert.Empty(await Granted(ConsentPurpose.EmailMarketing, EmailWithdrawn));

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_AfterTheRegrant_GrantedAgain() =>
        Assert.Equal([c1], await Granted(ConsentPurpose.EmailMarketing, Later));

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_GrantAndWithdrawalAtOneInstant_NotGranted() =>
        Assert.DoesNotContain(c2, await Granted(ConsentPurpose.EmailMarketing, Tie.AddDays(1)));

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_ErasedCustomer_NeverReachable() =>
        Assert.DoesNotContain(c3, await Granted(ConsentPurpose.EmailMarketing, EmailGranted));

    [Fact]
    public async Task GetGrantedCustomerIdsAsync_AgreesWithThePureFunctionAtEveryBoundary()
    {
        DateTime[] instants =
            [NewYear.AddTicks(-1), NewYear, Tie, EmailGranted.AddTicks(-1), EmailGranted,
            EmailWithdrawn.AddTicks(-1), EmailWithdrawn, EmailRegranted.AddTicks(-1), EmailRegranted, Later];
        var histories = new Dictionary<int, IReadOnlyList<ConsentEntry>>();
        foreach (var id in new[] { c1, c2, c4 })
        {
            histories[id] = await queries.GetHistoryAsync(id, TestContext.Current.CancellationToken);
        }

        foreach (var purpose in Enum.GetValues<ConsentPurpose>())
        {
            foreach (var at in instants)
            {
                var granted = await Granted(purpose, at);
                foreach (var (id, history) in histories)
                {
                    Assert.True(ConsentHistory.IsGranted(history, purpose, at) == granted.Contains(id), $"customer {id}, {purpose}, {at:O}");
                }
            }
        }
    }

    [Fact]
    public async Task CountReachableAsync_CustomerSet_CountsPerChannelOnce()
    {
        var reach = await queries.CountReachableAsync([c1, c2, c3, c4, c4], Later, TestContext.Current.CancellationToken);

        Assert.Equal(new ConsentReach(4, 1, 1, 1), reach);
    }

    [Fact]
    public async Task CountReachableAsync_AtTheWithdrawal_EmailDropsButSmsStays()
    {
        var reach = await queries.CountReachableAsync([c1, c2, c3, c4], EmailWithdrawn, TestContext.Current.CancellationToken);

        Assert.Equal(new ConsentReach(4, 0, 1, 1), reach);
    }

    [Fact]
    public async Task CountReachableBySegmentAsync_TenSegmentsInOrder()
    {
        static RfmCustomerScore Scored(int id, RfmSegment segment) => new(id, new DateOnly(2024, 1, 1), 1, 1, 0m, 1, 1, 1, segment);
        var scores = new RfmResult(new DateOnly(2024, 10, 1),
            [Scored(c1, RfmSegment.Champions), Scored(c2, RfmSegment.Champions), Scored(c3, RfmSegment.AtRisk), Scored(c4, RfmSegment.AtRisk)]);

        var reach = await queries.CountReachableBySegmentAsync(scores, Later, TestContext.Current.CancellationToken);

        Assert.Equal(RfmSegments.All, reach.Select(r => r.Segment));
        Assert.Equal(new ConsentReach(2, 1, 1, 1), reach[0].Reach);
        Assert.Equal(new ConsentReach(2, 0, 0, 0), reach.Single(r => r.Segment == RfmSegment.AtRisk).Reach);
        Assert.Equal(new ConsentReach(0, 0, 0, 0), reach.Single(r => r.Segment == RfmSegment.Hibernating).Reach);
    }

    [Fact]
    public async Task GetHistoryAsync_FullHistoryOldestFirst()
    {
        var history = await queries.GetHistoryAsync(c1, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new ConsentEntry(ConsentPurpose.SmsMarketing, ConsentStatus.Granted, NewYear, "web-form", "F-2"),
                new ConsentEntry(ConsentPurpose.EmailMarketing, ConsentStatus.Granted, EmailGranted, "web-form", "F-1"),
                new ConsentEntry(ConsentPurpose.EmailMarketing, ConsentStatus.Withdrawn, EmailWithdrawn, "unsubscribe-link", null),
                new ConsentEntry(ConsentPurpose.EmailMarketing, ConsentStatus.Granted, EmailRegranted, "store", "P-9"),
            ],
            history.Select(e => e with { RecordedAtUtc = DateTime.SpecifyKind(e.RecordedAtUtc, DateTimeKind.Utc) }));
        Assert.Empty(await queries.GetHistoryAsync(c4, TestContext.Current.CancellationToken));
    }
}

/// <summary>Every test of <see cref="ConsentQueriesTests"/> on PostgreSQL.</summary>
public sealed class ConsentQueriesOnPostgresTests : ConsentQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}

/// <summary>
/// The same answers through the web app's store (the records held in the node's snapshot), and the export's read from the database
/// seeing a withdrawal the snapshot has not heard of yet.
/// </summary>
public sealed class ConsentQueriesFromSharedSnapshotTests : ConsentQueriesTests
{
    protected override ConsentQueries CreateQueries() => new(Database.Factory,
        new CustomerActivityStore(Database.Factory, new CurrentDataVersion(Database.Factory, new DataChangeNotifier(), TimeProvider.System)));

    [Fact]
    public async Task FromDatabase_AWithdrawalNotYetHeard_SeenThereNotInTheSnapshot()
    {
        var atUtc = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Contains(C1, await Queries.GetGrantedCustomerIdsAsync(ConsentPurpose.EmailMarketing, atUtc, Token));
        await using (var db = Database.CreateContext())
        {
            db.ConsentRecords.Add(Record(C1, ConsentPurpose.EmailMarketing, ConsentStatus.Withdrawn, atUtc.AddDays(-1), "unsubscribe-link", null));
            await db.SaveChangesAsync(Token);
        }

        // No change notified: the node's snapshot still has the grant; the export's read does not.
        Assert.Contains(C1, await Queries.GetGrantedCustomerIdsAsync(ConsentPurpose.EmailMarketing, atUtc, Token));
        Assert.DoesNotContain(C1, await Queries.GetGrantedCustomerIdsFromDatabaseAsync(ConsentPurpose.EmailMarketing, atUtc, Token));
    }
}
