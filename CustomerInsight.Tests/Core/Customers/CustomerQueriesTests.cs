namespace CustomerInsight.Tests.Core.Customers;

/// <summary>
/// The customer list and 360 queries on a real SQLite file. Default analysis date 2011-12-10 (an anonymous sale on 12-09):
/// 1001 Dupont (Paris) bought on 12-01 (web, 100) and 11-01 (store, 50, two lines); 1002 Durand (Lyon) on 01-01 (lapsed);
/// 2001 Smith (London) on 12-05 by phone; 2002 Martin (Lille) on 06-01, erased, with a survey comment; 3001 Dubois never bought.
/// </summary>
public class CustomerQueriesTests : DatabaseTestBase
{
    private CustomerQueries queries = null!;
    private RfmQueries rfm = null!;
    private readonly Dictionary<string, int> ids = [];
    private long storeOrderId;
    private long nextOrder = 1;

    protected override async Task ArrangeAsync()
    {
        rfm = new RfmQueries(Database.Factory, Options.Create(new RfmOptions()));
        queries = new CustomerQueries(Database.Factory, rfm, new RfmScoreCache(rfm, Database.Factory, TimeProvider.System),
            new ConsentQueries(Database.Factory), new AppSecrets(Database.Factory));

        await using var db = Database.CreateContext();
        var customers = new[]
        {
            NewCustomer("1001", "Jean", "Dupont", "jean.dupont@example.fr", "Paris", "France"),
            NewCustomer("1002", "Anne", "Durand", "durand@example.com", "Lyon", "France"),
            NewCustomer("2001", "John", "Smith", "smith@example.co.uk", "London", "United Kingdom"),
            NewCustomer("2002", null, null, null, null, "France"),
            NewCustomer("3001", "Hans", "Dubois", "dubois@example.de", "Berlin", "Germany"),
        };
        customers[3].ErasedAtUtc = new DateTime(2011, 12, 20, 0, 0, 0, DateTimeKind.Utc);
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
        foreach (var c in customers)
        {
            ids[c.SourceId] = c.Id;
        }

        var store = NewOrder(ids["1001"], "2011-11-01", Channel.Store, 50m);
        store.Lines.Add(new OrderLine { Product = new Product { Code = "P1", Description = "Mug" }, Quantity = 2, UnitPriceMilli = 15_000, AmountMilli = 30_000 });
        store.Lines.Add(new OrderLine { Product = new Product { Code = "P2", Description = "Plate" }, Quantity = 1, UnitPriceMilli = 20_000, AmountMilli = 20_000 });
        db.Orders.AddRange(
            NewOrder(ids["1001"], "2011-12-01", Channel.Web, 100m),
            store,
            NewOrder(ids["1002"], "2011-01-01", Channel.Web, 30m),
            NewOrder(ids["2001"], "2011-12-05", Channel.Phone, 20m),
            NewOrder(ids["2002"], "2011-06-01", Channel.Web, 10m),
            NewOrder(null, "2011-12-09", Channel.Store, 5m));
        db.SurveyResponses.AddRange(
            NewSurvey("S1", ids["1001"], 9, "Très bien"),
            NewSurvey("S2", ids["2002"], 3, "Call me at home"));
        db.ConsentRecords.AddRange(
            new ConsentRecord { CustomerId = ids["1001"], Purpose = ConsentPurpose.EmailMarketing, Status =
                ConsentStatus.Granted, RecordedAtUtc = Utc("2011-01-01"), Source = "web", ProofReference = "F-1" },
            new ConsentRecord { CustomerId = ids["1001"], Purpose = ConsentPurpose.EmailMarketing,
                Status = ConsentStatus.Withdrawn, RecordedAtUtc = Utc("2011-06-01"), Source = "mail" });
        await db.SaveChangesAsync();
        storeOrderId = store.Id;
    }

    [Fact]
    public async Task ListAsync_NoFilterById_EveryCustomerPagedWithoutOverlap()
    {
        var first = await queries.ListAsync(new CustomerFilter(), CustomerSort.Id, false, 0, 2, Token);
        var second = await queries.ListAsync(new CustomerFilter(), CustomerSort.Id, false, 2, 2, Token);
        var third = await queries.ListAsync(new CustomerFilter(), CustomerSort.Id, false, 4, 2, Token);

        Assert.Equal(["1001", "1002", "2001", "2002", "3001"], first.Concat(second).Concat(third).Select(r => r.SourceId).ToArray());
        Assert.Equal(5, await queries.CountAsync(new CustomerFilter(), Token));
        Assert.True(first.Concat(second).Single(r => r.SourceId == "2002").IsErased);
    }

    [Fact]
    public async Task ListAsync_SortByLastNameDescending_NullsLast()
    {
        var rows = await queries.ListAsync(new CustomerFilter(), CustomerSort.LastName, true, 0, 10, Token);

        Assert.Equal("Smith,Durand,Dupont,Dubois,", string.Join(',', rows.Select(r => r.LastName)));
    }

    [Theory]
    [InlineData("du", "1001,1002,3001")]
    [InlineData("DU", "1001,1002,3001")]
    [InlineData("dupont", "1001")]
    [InlineData("upont", "1001")]
    [InlineData("jean.", "1001")]
    [InlineData("example.co", "1002,2001")]
    [InlineData("paris", "1001")]
    [InlineData("ondo", "2001")]
    [InlineData("100", "1001,1002")]
    [InlineData("01", "1001,2001,3001")]
    [InlineData("Jean Dupont", "1001")]
    [InlineData("dupont jean", "1001")]
    [InlineData("  Smith   John ", "2001")]
    [InlineData("n S", "2001")]
    [InlineData("Jean Durand", "")]
    [InlineData("%", "")]
    [InlineData("_", "")]
    [InlineData("du%t", "")]
    public async Task ListAsync_Search_PartOfIdNameInEitherOrderEmailOrCityIgnoringCase(string search, string expected)
    {
        var filter = new CustomerFilter(Search: search);

        var rows = await queries.ListAsync(filter, CustomerSort.SourceId, false, 0, 50, Token);

        Assert.Equal(expected, string.Join(',', rows.Select(r => r.SourceId)));
        Assert.Equal(rows.Count, await queries.CountAsync(filter, Token));
    }

    [Theory]
    [InlineData("dupont", "dupont")]
    [InlineData("Dupont", "Dupont")]
    [InlineData("élodie", "élodie|ÉLODIE")]
    [InlineData("Élodie", "Élodie|élodie")]
    public void CaseVariants_OnlyThoseLikeDoesNotAlreadyIgnore(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', CustomerQueries.CaseVariants(text)));

    [Fact]
    public async Task ListAsync_Rows_OrdersNetRevenueLastOrderAndSegmentAtTheDate()
    {
        var date = new DateOnly(2011, 12, 10);
        var scores = (await rfm.ScoreAsync(date, Token)).Customers;

        var rows = (await queries.ListAsync(new CustomerFilter(), CustomerSort.Id, false, 0, 50, Token)).ToDictionary(r => r.SourceId);

        Assert.Equal((2, 150m, new DateOnly(2011, 12, 1)), (rows["1001"].Orders, rows["1001"].NetRevenue, rows["1001"].LastOrder));
        Assert.Equal(scores.Single(s => s.CustomerId == ids["1001"]).Segment, rows["1001"].Segment);
        Assert.Equal((1, 10m, new DateOnly(2011, 6, 1)), (rows["2002"].Orders, rows["2002"].NetRevenue, rows["2002"].LastOrder));
        Assert.Equal(scores.Single(s => s.CustomerId == ids["2002"]).Segment, rows["2002"].Segment);
        Assert.Equal((0, 0m, (DateOnly?)null, (RfmSegment?)null),
            (rows["3001"].Orders, rows["3001"].NetRevenue, rows["3001"].LastOrder, rows["3001"].Segment));
        Assert.Equal(date, await queries.GetReferenceDateAsync(new CustomerFilter(), Token));

        // At 2011-12-01 the sale of that day is not yet counted.
        var december = new DateOnly(2011, 12, 1);
        var atDecember = (await queries.ListAsync(new CustomerFilter(ReferenceDate: december), CustomerSort.Id, false, 0, 50, Token)).Single(r =>
            r.SourceId == "1001");
        Assert.Equal((1, 50m, new DateOnly(2011, 11, 1)), (atDecember.Orders, atDecember.NetRevenue, atDecember.LastOrder));
        Assert.Equal((await rfm.ScoreAsync(december, Token)).Customers.Single(s => s.CustomerId == ids["1001"]).Segment, atDecember.Segment);
    }

    [Theory]
    [InlineData(CustomerSort.Orders, false, "3001,1002,2001,2002,1001")]
    [InlineData(CustomerSort.NetRevenue, true, "1001,1002,2001,2002,3001")]
    [InlineData(CustomerSort.NetRevenue, false, "3001,2002,2001,1002,1001")]
    [InlineData(CustomerSort.LastOrder, true, "2001,1001,2002,1002,3001")]
    public async Task ListAsync_SortByFigures_TiesByIdInTheSameDirection(CustomerSort sort, bool descending, string expected)
    {
        var rows = await queries.ListAsync(new CustomerFilter(), sort, descending, 0, 50, Token);

        Assert.Equal(expected, string.Join(',', rows.Select(r => r.SourceId)));
    }

    [Fact]
    public async Task ListAsync_GridCell_TheCustomersWithThoseRAndFScoresAtTheDate()
    {
        var date = new DateOnly(2011, 12, 10);
        var scores = (await rfm.ScoreAsync(date, Token)).Customers;
        var dupont = scores.Single(s => s.CustomerId == ids["1001"]);
        var expected = scores.Where(s => s.RecencyScore == dupont.RecencyScore && s.FrequencyScore == dupont.FrequencyScore)
            .Select(s => s.CustomerId).Order().ToArray();

        var filter = new CustomerFilter(RecencyScore: dupont.RecencyScore, FrequencyScore: dupont.FrequencyScore);
        var rows = await queries.ListAsync(filter, CustomerSort.Id, false, 0, 50, Token);

        Assert.Equal(expected, rows.Select(r => r.Id).ToArray());
        Assert.Equal(expected.Length, await queries.CountAsync(filter, Token));
        Assert.Equal(rows.Count(r => r.Country == "France"), await queries.CountAsync(filter with { Country = "France" }, Token));
        var emptyCell = Enumerable.Range(1, 5).SelectMany(r => Enumerable.Range(1, 5).Select(f => (r, f)))
            .First(c => !scores.Any(s => s.RecencyScore == c.r && s.FrequencyScore == c.f));
        Assert.Equal(0, await queries.CountAsync(new CustomerFilter(RecencyScore: emptyCell.r, FrequencyScore: emptyCell.f), Token));
    }

    [Fact]
    public async Task ListAsync_CountryAndChannel_Combine()
    {
        Assert.Equal("1001,1002,2002", await SourceIdsAsync(new CustomerFilter(Country: "France")));
        Assert.Equal("1001", await SourceIdsAsync(new CustomerFilter(Channel: Channel.Store)));
        Assert.Equal("1001,1002,2002", await SourceIdsAsync(new CustomerFilter(Country: "France", Channel: Channel.Web)));
        Assert.Equal("", await SourceIdsAsync(new CustomerFilter(Country: "Germany", Channel: Channel.Web)));
    }

    [Fact]
    public async Task ListAsync_Lapsed_LastSaleOlderThanTheThresholdAtTheDate()
    {
        Assert.Equal("1002,2002", await SourceIdsAsync(new CustomerFilter(Lapsed: true)));
        Assert.Equal("1001,2001", await SourceIdsAsync(new CustomerFilter(Lapsed: false)));
        // At 2011-07-01 Martin's sale of 06-01 is recent, Durand's of 01-01 is not; Dupont and Smith had not bought yet.
        var july = new DateOnly(2011, 7, 1);
        Assert.Equal("1002", await SourceIdsAsync(new CustomerFilter(Lapsed: true, ReferenceDate: july)));
        Assert.Equal("2002", await SourceIdsAsync(new CustomerFilter(Lapsed: false, ReferenceDate: july)));
        Assert.Equal("1001,1002,2001,2002", await SourceIdsAsync(new CustomerFilter(Lapsed: true, LapsedAfterDays: 1)));
    }

    [Fact]
    public async Task ListAsync_Segment_TheCustomersScoredInThatSegmentAtTheDate()
    {
        var date = new DateOnly(2011, 12, 10);
        var scores = await rfm.ScoreAsync(date, Token);
        var segment = scores.Customers.Single(s => s.CustomerId == ids["1001"]).Segment;
        var expected = scores.Customers.Where(s => s.Segment == segment).Select(s => s.CustomerId).Order().ToArray();

        var filter = new CustomerFilter(Segment: segment);
        var rows = await queries.ListAsync(filter, CustomerSort.Id, false, 0, 50, Token);

        Assert.Equal(expected, rows.Select(r => r.Id).ToArray());
        Assert.Equal(expected.Length, await queries.CountAsync(filter, Token));
        Assert.Equal(rows.Count(r => r.Country == "France"), await queries.CountAsync(filter with { Country = "France" }, Token));
        var other = RfmSegments.All.First(s => scores.Customers.All(c => c.Segment != s));
        Assert.Equal(0, await queries.CountAsync(new CustomerFilter(Segment: other), Token));
    }

    [Fact]
    public async Task GetCountriesAsync_DistinctSorted()
    {
        Assert.Equal(["France", "Germany", "United Kingdom"], await queries.GetCountriesAsync(Token));
    }

    [Fact]
    public async Task Get360Async_Customer_ProfileOrdersConsentsSurveysAndRfmHistory()
    {
        var view = (await queries.Get360Async(ids["1001"], Token))!;

        Assert.Equal("1001", view.Profile.SourceId);
        Assert.Equal("jean.dupont@example.fr", view.Profile.Email);
        Assert.Equal(new DateOnly(2011, 12, 10), view.ReferenceDate);
        Assert.Equal(150m, view.LifetimeNetRevenue);
        Assert.Equal(new DateOnly(2011, 12, 1), view.LastSaleDate);
        Assert.Equal(0, view.MonthsSinceLastPurchase);
        Assert.Equal(2, view.TotalOrders);
        Assert.Equal([new DateOnly(2011, 12, 1), new DateOnly(2011, 11, 1)], view.Orders.Select(o => o.BusinessDate).ToArray());
        Assert.Equal(2, view.Orders[1].Lines);
        Assert.Equal([ConsentStatus.Granted, ConsentStatus.Withdrawn], view.Consents.Select(c => c.Status).ToArray());
        Assert.Equal("F-1", view.Consents[0].ProofReference);
        Assert.Equal("Très bien", view.Surveys.Single().Comment);
        Assert.Equal([0, 3, 6, 12], view.Rfm.Select(r => r.MonthsEarlier).ToArray());
        Assert.Equal([new DateOnly(2011, 12, 10), new DateOnly(2011, 9, 10), new DateOnly(2011, 6, 10), new DateOnly(2010, 12, 10)],
            view.Rfm.Select(r => r.AnalysisDate).ToArray());
        var now = (await rfm.ScoreAsync(new DateOnly(2011, 12, 10), Token)).Customers.Single(s => s.CustomerId == ids["1001"]);
        Assert.Equal(now, view.Rfm[0].Score);
        Assert.Equal(2, view.Rfm[0].Score!.Value.Frequency);
        Assert.Null(view.Rfm[1].Score);
    }

    [Fact]
    public async Task Get360Async_ErasedCustomer_PseudonymAndNoPersonalData()
    {
        var secret = await new AppSecrets(Database.Factory).GetOrCreateAsync(AppSecret.CustomerKey, Token);

        var view = (await queries.Get360Async(ids["2002"], Token))!;

        Assert.True(view.Profile.IsErased);
        Assert.Null(view.Profile.SourceId);
        Assert.Equal(new RfmCustomerKeys(secret).For(ids["2002"]), view.Profile.Key);
        Assert.Null(view.Surveys.Single().Comment);
        Assert.Equal(3, view.Surveys.Single().RecommendScore);
        Assert.Equal(6, view.MonthsSinceLastPurchase);
    }

    [Fact]
    public async Task Get360Async_UnknownId_Null() => Assert.Null(await queries.Get360Async(999_999, Token));

    [Fact]
    public async Task GetOrderLinesAsync_OwnOrderOnly()
    {
        var lines = await queries.GetOrderLinesAsync(ids["1001"], storeOrderId, Token);
        var foreign = await queries.GetOrderLinesAsync(ids["1002"], storeOrderId, Token);

        Assert.Equal(["P1", "P2"], lines.Select(l => l.ProductCode).ToArray());
        Assert.Equal(30m, lines[0].Amount);
        Assert.Equal(15m, lines[0].UnitPrice);
        Assert.Empty(foreign);
    }

    [Theory]
    [InlineData("2011-12-01", "2011-12-10", 0)]
    [InlineData("2011-06-01", "2011-12-10", 6)]
    [InlineData("2011-06-15", "2011-12-10", 5)]
    [InlineData("2011-01-31", "2011-02-28", 1)]
    [InlineData("2010-12-10", "2011-12-10", 12)]
    public void WholeMonthsBetween_Dates_CompletedMonths(string from, string to, int expected) =>
        Assert.Equal(expected,
            CustomerQueries.WholeMonthsBetween(DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)));

    private async Task<string> SourceIdsAsync(CustomerFilter filter) =>
        string.Join(',', (await queries.ListAsync(filter, CustomerSort.SourceId, false, 0, 50)).Select(r => r.SourceId));

    private static Customer NewCustomer(string id, string? first, string? last, string? email, string? city, string country) => new()
    {
        SourceId = id, FirstName = first, LastName = last, Email = email, City = city, Country = country,
        CreatedAtUtc = Utc("2010-01-01"),
    };

    private Order NewOrder(int? customerId, string date, Channel channel, decimal amount) =>
        TestOrders.Create((nextOrder++).ToString(CultureInfo.InvariantCulture), customerId, TestOrders.Day(date), amount, OrderKind.Sale, channel);

    private static SurveyResponse NewSurvey(string id, int customerId, int recommend, string comment) => new()
    {
        SourceId = id, CustomerId = customerId, RespondedAtUtc = Utc("2011-12-02"), BusinessDate = new DateOnly(2011, 12, 2),
        BusinessMonth = 201112, Kind = SurveyKind.Transactional, RecommendScore = recommend, Comment = comment,
    };

    private static DateTime Utc(string date) => DateTime.SpecifyKind(DateTime.Parse(date, CultureInfo.InvariantCulture), DateTimeKind.Utc);
}

/// <summary>Every test of <see cref="CustomerQueriesTests"/> on PostgreSQL.</summary>
public sealed class CustomerQueriesOnPostgresTests : CustomerQueriesTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
