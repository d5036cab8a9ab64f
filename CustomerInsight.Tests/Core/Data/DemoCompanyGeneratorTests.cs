namespace CustomerInsight.Tests.Core.Data;

public class DemoCompanyGeneratorTests : EngineTestBase
{
    private static readonly BusinessCalendar Paris = BusinessCalendar.ForZone("Europe/Paris");

    [Fact]
    public void Generate_SameSeed_SameFigures()
    {
        var first = new DemoCompanyGenerator(Paris).Generate(500);
        var second = new DemoCompanyGenerator(Paris).Generate(500);
        Assert.Equal(Fingerprint(first), Fingerprint(second));
    }

    [Fact]
    public void Generate_OtherSeed_OtherFigures()
    {
        var first = new DemoCompanyGenerator(Paris).Generate(500);
        var other = new DemoCompanyGenerator(Paris, seed: 7).Generate(500);
        Assert.NotEqual(Fingerprint(first), Fingerprint(other));
    }

    [Fact]
    public void Generate_FiveThousand_LastMonthHasNoCliff()
    {
        // The landing view compares the last month with the one before: a generator that stops acquiring customers
        // 20 days before the end told every visitor "new customers −68 %" (September 2026: 43 against about 140).
        var company = new DemoCompanyGenerator(Paris).Generate(5000);
        var sales = company.Orders.Where(o => o.Kind == OrderKind.Sale && o.CustomerId is not null).ToList();
        var newByMonth = sales.GroupBy(o => o.CustomerId).Select(g =>
            g.Min(o => o.BusinessMonth)).GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
        var activeByMonth = sales.GroupBy(o => o.BusinessMonth).ToDictionary(g => g.Key, g => g.Select(o => o.CustomerId).Distinct().Count());
        var last = BusinessCalendar.MonthKey(DemoCompanyGenerator.EndDay.AddDays(-1));
        var previousTwelve = activeByMonth.Keys.Where(m => m < last).OrderDescending().Take(12).ToList();

        static double Median(IEnumerable<int> values)
        {
            var sorted = values.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
        }
        var newMedian = Median(previousTwelve.Select(m => newByMonth.GetValueOrDefault(m)));
        var activeMedian = Median(previousTwelve.Select(m => activeByMonth[m]));
        Assert.InRange(newByMonth.GetValueOrDefault(last) / newMedian, 0.75, 1.33);
        Assert.InRange(activeByMonth[last] / activeMedian, 0.75, 1.33);
        // The data end where a month ends: the last day of the last month has orders.
        Assert.Contains(sales, o => o.BusinessDate == DemoCompanyGenerator.EndDay.AddDays(-1));
    }

    [Fact]
    public void Generate_FiveThousand_HasTheShapeOfARealCompany()
    {
        var company = new DemoCompanyGenerator(Paris).Generate(5000);
        var sales = company.Orders.Where(o => o.Kind == OrderKind.Sale).ToList();

        Assert.All(Enum.GetValues<Channel>().Where(c => c != Channel.Other), c => Assert.Contains(sales, o => o.Channel == c));
        Assert.Contains(company.Orders, o => o.Kind == OrderKind.Cancellation && o.AmountMilli < 0);
        Assert.Contains(sales, o => o.CustomerId is null);
        Assert.All(company.Orders, o => Assert.InRange(o.BusinessDate, DemoCompanyGenerator.FirstDay, DemoCompanyGenerator.EndDay.AddDays(-1)));

        // Many one-time buyers and a loyal core.
        var ordersPerCustomer = sales.Where(o => o.CustomerId is not null).GroupBy(o => o.CustomerId).Select(g => g.Count()).ToList();
        Assert.InRange(ordersPerCustomer.Count(n => n == 1) / (double)ordersPerCustomer.Count, 0.4, 0.75);
        Assert.Contains(ordersPerCustomer, n => n >= 5);

        // Seasonality: December sells more than August.
        var december = sales.Count(o => o.BusinessDate.Month == 12);
        var august = sales.Count(o => o.BusinessDate.Month == 8);
        Assert.True(december > august * 1.3, $"December {december} vs August {august}");

        Assert.Contains(company.SurveyResponses, r => r.Kind == CustomerInsight.Core.Surveys.SurveyKind.Relational);
        Assert.Contains(company.SurveyResponses, r => r.Kind == CustomerInsight.Core.Surveys.SurveyKind.Transactional && r.Comment is not null);
        Assert.Contains(company.Consents, c => c.Status == CustomerInsight.Core.Privacy.ConsentStatus.Withdrawn);
        Assert.All(company.Orders, o => Assert.Equal(o.Lines.Sum(l => l.AmountMilli), o.AmountMilli));
    }

    [Fact]
    public async Task SeedIfEmpty_EmptyThenAgain_SeedsOnlyOnce()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        var seeder = new DemoSeeder(database.Factory, Paris);

        var first = await seeder.SeedIfEmptyAsync(200, TestContext.Current.CancellationToken);
        var second = await seeder.SeedIfEmptyAsync(200, TestContext.Current.CancellationToken);

        Assert.True(first.Seeded);
        Assert.False(second.Seeded);
        await using var db = database.CreateContext();
        // 200 customers and the store card records of 4 of them (one in 50: issue 16's duplicates, no activity of their own).
        Assert.Equal(200 + 4, await db.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(first.Orders, await db.Orders.CountAsync(TestContext.Current.CancellationToken));
        var expectedTotal = new DemoCompanyGenerator(Paris).Generate(200).Orders.Sum(o => o.AmountMilli);
        Assert.Equal(expectedTotal, await db.Orders.SumAsync(o => o.AmountMilli, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SeedIfEmpty_DatabaseWithOneCustomer_WritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        await using (var db = database.CreateContext())
        {
            db.Customers.Add(new CustomerInsight.Core.Customers.Customer { SourceId = "X1" });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var result = await new DemoSeeder(database.Factory, Paris).SeedIfEmptyAsync(200, TestContext.Current.CancellationToken);

        Assert.False(result.Seeded);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Customers.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await check.Orders.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Generate_FiveThousand_StoreCardDuplicates_EachMatchesItsWebRecord_WithoutActivityOfItsOwn()
    {
        var company = new DemoCompanyGenerator(Paris).Generate(5000);
        var candidates = company.Customers.Concat(company.DuplicateRecords)
            .Select(c => new CustomerInsight.Core.Unify.MatchCandidate(c.Id, false, c.Email, c.Phone, c.FirstName, c.LastName, c.PostalCode))
            .ToList();

        var groups = CustomerInsight.Core.Unify.MatchGrouper.Group(candidates).Groups;

        Assert.Equal(100, company.DuplicateRecords.Count);
        var rules = new HashSet<CustomerInsight.Core.Unify.MatchRule>();
        foreach (var duplicate in company.DuplicateRecords)
        {
            var web = company.Customers.Single(c => c.SourceId == "CLI-" + duplicate.SourceId[4..]);
            var group = Assert.Single(groups, g => g.CustomerIds.Contains(duplicate.Id));
            Assert.Contains(web.Id, group.CustomerIds);
            rules.UnionWith(group.Links.Where(l => l.OtherCustomerId == duplicate.Id || l.CustomerId == duplicate.Id).Select(l => l.Rule));
            Assert.True(duplicate.CreatedAtUtc < web.CreatedAtUtc);
        }
        Assert.Equal(3, rules.Count);
        var ids = company.DuplicateRecords.Select(d => (int?)d.Id).ToHashSet();
        Assert.DoesNotContain(company.Orders, o => ids.Contains(o.CustomerId));
        Assert.DoesNotContain(company.SurveyResponses, r => ids.Contains(r.CustomerId));
        Assert.DoesNotContain(company.Consents, c => ids.Contains(c.CustomerId));
        Assert.Contains(company.DuplicateRecords, d => d.FirstName != company.Customers.Single(c => c.SourceId == "CLI-" + d.SourceId[4..]).FirstName
            && d.FirstName!.Equals(CustomerInsight.Core.Unify.MatchKeys.Name(d.FirstName)!, StringComparison.OrdinalIgnoreCase));
    }

    private static string Fingerprint(DemoCompany company) => string.Join('|',
        company.Customers.Count, company.Orders.Count, company.Orders.Sum(o => o.AmountMilli),
        company.SurveyResponses.Count, company.SurveyResponses.Sum(r => r.RecommendScore ?? 0),
        company.Consents.Count, company.Customers[^1].Email, company.Orders[^1].OrderedAtUtc.Ticks);
}

/// <summary>Every test of <see cref="DemoCompanyGeneratorTests"/> on PostgreSQL.</summary>
public sealed class DemoCompanyGeneratorOnPostgresTests : DemoCompanyGeneratorTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
