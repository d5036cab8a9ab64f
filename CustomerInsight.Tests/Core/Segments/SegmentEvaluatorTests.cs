namespace CustomerInsight.Tests.Core.Segments;

public class SegmentEvaluatorTests
{
    private static CustomerSegmentFacts Facts(int id, int r = 3, int f = 1, int m = 3, int recency = 30, int orders = 1, decimal monetary = 100m,
        string? country = "France", Channel[]? channels = null, ConsentPurpose[]? consents = null, double? pAlive = null, decimal? clv = null) =>
        new(new RfmCustomerScore(id, new DateOnly(2026, 1, 1), recency, orders, monetary, r, f, m, RfmSegment.Promising),
            country,
            (channels ?? [Channel.Web]).Aggregate(0, (bits, c) => bits | CustomerSegmentFacts.ChannelBit(c)),
            (consents ?? []).Aggregate(0, (bits, p) => bits | CustomerSegmentFacts.ConsentBit(p)),
            pAlive,
            clv);

    private static SegmentDefinition Segment(string key, RuleMatch match, params SegmentRuleGroup[] groups) => new(key, key, match, groups);

    private static SegmentRuleGroup Group(RuleMatch match, params SegmentCondition[] conditions) => new(match, conditions);

    private static SegmentCondition C(SegmentField field, RuleOperator op, string value) => new(field, op, value);

    [Theory]
    [InlineData(RuleOperator.Equal, "500", false)]
    [InlineData(RuleOperator.NotEqual, "500", true)]
    [InlineData(RuleOperator.Less, "500", false)]
    [InlineData(RuleOperator.LessOrEqual, "500.5", true)]
    [InlineData(RuleOperator.Greater, "500", true)]
    [InlineData(RuleOperator.GreaterOrEqual, "500,5", true)]
    [InlineData(RuleOperator.GreaterOrEqual, "500.51", false)]
    public void Matches_Monetary_ComparesExactDecimals(RuleOperator op, string value, bool expected) =>
        Assert.Equal(expected, SegmentEvaluator.Matches(C(SegmentField.Monetary, op, value), Facts(1, monetary: 500.5m)));

    [Fact]
    public void Matches_EachFieldReadsItsOwnFact()
    {
        var facts = Facts(1, r: 5, f: 2, m: 4, recency: 12, orders: 7, monetary: -20m, country: "Belgique",
            channels: [Channel.Store, Channel.Phone], consents: [ConsentPurpose.SmsMarketing], pAlive: 0.25, clv: 310.5m);

        Assert.True(SegmentEvaluator.Matches(C(SegmentField.RecencyScore, RuleOperator.Equal, "5"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.FrequencyScore, RuleOperator.Equal, "2"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.MonetaryScore, RuleOperator.Equal, "4"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.RecencyDays, RuleOperator.Less, "13"), facts));
        Assert.False(SegmentEvaluator.Matches(C(SegmentField.RecencyDays, RuleOperator.Less, "12"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Orders, RuleOperator.GreaterOrEqual, "7"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Monetary, RuleOperator.Less, "0"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Country, RuleOperator.Equal, " belgique "), facts));
        Assert.False(SegmentEvaluator.Matches(C(SegmentField.Country, RuleOperator.NotEqual, "Belgique"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Channel, RuleOperator.Equal, "Phone"), facts));
        Assert.False(SegmentEvaluator.Matches(C(SegmentField.Channel, RuleOperator.Equal, "Web"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Channel, RuleOperator.NotEqual, "Web"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Consent, RuleOperator.Equal, "SmsMarketing"), facts));
        Assert.False(SegmentEvaluator.Matches(C(SegmentField.Consent, RuleOperator.Equal, "EmailMarketing"), facts));
        // P(alive) is written in percent.
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.PAlive, RuleOperator.Less, "30"), facts));
        Assert.False(SegmentEvaluator.Matches(C(SegmentField.PAlive, RuleOperator.Less, "25"), facts));
        Assert.True(SegmentEvaluator.Matches(C(SegmentField.Clv, RuleOperator.Greater, "310"), facts));
    }

    [Fact]
    public void Matches_ValueModelMissing_ConditionNotMet()
    {
        var facts = Facts(1);

        Assert.False(SegmentEvaluator.Matches(C(SegmentField.PAlive, RuleOperator.Less, "100"), facts));
        Assert.False(SegmentEvaluator.Matches(C(SegmentField.Clv, RuleOperator.GreaterOrEqual, "0"), facts));
    }

    [Fact]
    public void Matches_AllOfAnyGroups_AndAnyOfAllGroups()
    {
        // (orders ≥ 3 OR monetary ≥ 1000) AND consent e-mail
        var andOfOrs = Segment("a", RuleMatch.All,
            Group(RuleMatch.Any, C(SegmentField.Orders, RuleOperator.GreaterOrEqual, "3"),
                C(SegmentField.Monetary, RuleOperator.GreaterOrEqual, "1000")),
            Group(RuleMatch.All, C(SegmentField.Consent, RuleOperator.Equal, "EmailMarketing")));
        // (orders ≥ 3 AND web) OR (country = Belgique)
        var orOfAnds = Segment("b", RuleMatch.Any,
            Group(RuleMatch.All, C(SegmentField.Orders, RuleOperator.GreaterOrEqual, "3"), C(SegmentField.Channel, RuleOperator.Equal, "Web")),
            Group(RuleMatch.All, C(SegmentField.Country, RuleOperator.Equal, "Belgique")));

        Assert.True(SegmentEvaluator.Matches(andOfOrs, Facts(1, orders: 1, monetary: 1500m, consents: [ConsentPurpose.EmailMarketing])));
        Assert.False(SegmentEvaluator.Matches(andOfOrs, Facts(2, orders: 5, monetary: 10m)));
        Assert.False(SegmentEvaluator.Matches(andOfOrs, Facts(3, orders: 1, monetary: 10m, consents: [ConsentPurpose.EmailMarketing])));

        Assert.True(SegmentEvaluator.Matches(orOfAnds, Facts(4, orders: 4)));
        Assert.False(SegmentEvaluator.Matches(orOfAnds, Facts(5, orders: 4, channels: [Channel.Store])));
        Assert.True(SegmentEvaluator.Matches(orOfAnds, Facts(6, orders: 1, country: "Belgique")));
    }

    [Fact]
    public void Count_FirstMatchingSegmentWins_OthersUnassigned()
    {
        var definition = new SegmentationDefinition([
            Segment("big", RuleMatch.All, Group(RuleMatch.All, C(SegmentField.Monetary, RuleOperator.GreaterOrEqual, "500"))),
            Segment("web", RuleMatch.All, Group(RuleMatch.All, C(SegmentField.Channel, RuleOperator.Equal, "Web"))),
        ]);
        var customers = new[]
        {
            Facts(1, monetary: 900m),                               // big (and web: the first segment wins)
            Facts(2, monetary: 50m),                                // web
            Facts(3, monetary: 50m, channels: [Channel.Store]),     // none
            Facts(4, monetary: 500m, channels: [Channel.Store]),    // big
        };

        var (segments, unassigned) = SegmentEvaluator.Count(definition, customers);

        Assert.Equal([2, 1], segments.Select(s => s.Customers));
        Assert.Equal(1, unassigned);
        Assert.Equal([2], SegmentEvaluator.Members(definition, "web", customers));
        Assert.Equal([1, 4], SegmentEvaluator.Members(definition, "big", customers));
        Assert.Empty(SegmentEvaluator.Members(definition, "missing", customers));
    }

    [Fact]
    public void Members_OfAFactsTable_ReadByColumn_TheSameAsOverEachCustomersFacts()
    {
        // Ids with gaps; columns by id: countries, channels, consents, P(alive) and CLV (NaN: no fit for that customer; infinite:
        // no spend model), one customer beyond the columns' end (nothing read for it).
        RfmCustomerScore Score(int id, int r, int orders, decimal monetary) =>
            new(id, new DateOnly(2026, 1, 1), 10 * id, orders, monetary, r, 3, 2, RfmSegment.Promising);
        var scores = new[] { Score(1, 5, 1, 50m), Score(3, 4, 6, 900m), Score(4, 2, 2, 120.5m), Score(7, 1, 9, 2000m), Score(9, 3, 4, 75m) };
        var table = new SegmentFactsTable(scores,
            [null, "France", null, " belgique ", "France", null, null, "Suisse"],
            [0, Channel.Web.Bit(), 0, Channel.Store.Bit(), Channel.Web.Bit() | Channel.Phone.Bit(), 0, 0, Channel.Phone.Bit()],
            [0, CustomerSegmentFacts.ConsentBit(ConsentPurpose.EmailMarketing), 0, 0, 0, 0, 0, 0],
            [double.NaN, 0.8, double.NaN, 0.2, 0.555555, double.NaN, double.NaN, 0.1],
            [double.NaN, 40.0, double.NaN, 1200.75, double.PositiveInfinity, double.NaN, double.NaN, 3000.125]);
        var definition = new SegmentationDefinition([
            Segment("belges", RuleMatch.All, Group(RuleMatch.All, C(SegmentField.Country, RuleOperator.Equal, "Belgique"))),
            Segment("precieux", RuleMatch.Any,
                Group(RuleMatch.All, C(SegmentField.Clv, RuleOperator.Greater, "1000")),
                Group(RuleMatch.All, C(SegmentField.Monetary, RuleOperator.GreaterOrEqual, "120.5"), C(SegmentField.Orders, RuleOperator.Less, "3"))),
            Segment("risque", RuleMatch.All, Group(RuleMatch.Any, C(SegmentField.PAlive, RuleOperator.Less, "55.5556"),
                C(SegmentField.Consent, RuleOperator.Equal, "EmailMarketing"))),
            Segment("web", RuleMatch.All, Group(RuleMatch.All, C(SegmentField.Channel, RuleOperator.Equal, "Web"),
                C(SegmentField.RecencyScore, RuleOperator.GreaterOrEqual, "3"))),
        ]);
        var facts = table.ToList();

        Assert.Equal(new CustomerSegmentFacts(scores[1], " belgique ", Channel.Store.Bit(), 0, 0.2, 1200.75m), facts[1]);
        Assert.Equal(new CustomerSegmentFacts(scores[2], "France", Channel.Web.Bit() | Channel.Phone.Bit(), 0, 0.555555, null), facts[2]);
        Assert.Equal(new CustomerSegmentFacts(scores[4], null, 0, 0, null, null), facts[4]);
        // 3 is Belgian before being precious; 7 precious by its CLV, 4 by its orders; 1 at risk by its consent, 4 would be by its
        // P(alive) (55.5555 %) but is precious first; 9 in none.
        (string Key, int[] Ids)[] expected = [("belges", [3]), ("precieux", [4, 7]), ("risque", [1]), ("web", [])];
        foreach (var (key, ids) in expected)
        {
            Assert.Equal(ids, SegmentEvaluator.Members(definition, key, table));
            Assert.Equal(ids, SegmentEvaluator.Members(definition, key, facts));
        }
    }

    [Theory]
    [InlineData(RuleOperator.Greater, new[] { 3, 4 })]
    [InlineData(RuleOperator.GreaterOrEqual, new[] { 1, 2, 3, 4 })]
    [InlineData(RuleOperator.Equal, new[] { 1, 2 })]
    [InlineData(RuleOperator.NotEqual, new[] { 3, 4, 5 })]
    [InlineData(RuleOperator.Less, new[] { 5 })]
    public void Members_OfAFactsTable_ACompareClvAsTheDecimalItWouldBe(RuleOperator op, int[] expected)
    {
        // The model's CLV in double: 1 exactly 1000; 2 a double above it that is 1000 in decimal (15 significant digits); 3 the
        // next decimal up; 4 far above; 5 below. Customer 6 has no CLV (no spend model).
        double[] values = [double.NaN, 1000.0, 1000.0000000000001, 1000.00000000001, 1000.01, 999.99, double.PositiveInfinity];
        Assert.Equal(1000m, (decimal)values[2]);
        var scores = Enumerable.Range(1, 6).Select(id => new RfmCustomerScore(id, new DateOnly(2026, 1, 1), 10, 1, 50m, 3, 3, 3,
            RfmSegment.Promising)).ToArray();
        var table = new SegmentFactsTable(scores, [], [], [], [], values);
        var definition = new SegmentationDefinition([Segment("s", RuleMatch.All, Group(RuleMatch.All, C(SegmentField.Clv, op, "1000")))]);

        Assert.Equal(expected, SegmentEvaluator.Members(definition, "s", table));
        Assert.Equal(expected, SegmentEvaluator.Members(definition, "s", table.ToList()));
    }

    [Fact]
    public void Members_OfAFactsTable_ACompareNearZeroAsTheDecimalItWouldBe()
    {
        // Below 28 decimals a double is 0 in decimal: 1e-30 is not above 0; 1e-20 is.
        var scores = new[] { 1, 2, 3 }.Select(id => new RfmCustomerScore(id, new DateOnly(2026, 1, 1), 10, 1, 50m, 3, 3, 3,
            RfmSegment.Promising)).ToArray();
        var table = new SegmentFactsTable(scores, [], [], [], [], [double.NaN, 1e-30, 1e-20, -1e-30]);
        Assert.Equal(0m, (decimal)1e-30);

        foreach (var (op, expected) in new[] { (RuleOperator.Greater, new[] { 2 }), (RuleOperator.Equal, new[] { 1, 3 }) })
        {
            var definition = new SegmentationDefinition([Segment("s", RuleMatch.All, Group(RuleMatch.All, C(SegmentField.Clv, op, "0")))]);
            Assert.Equal(expected, SegmentEvaluator.Members(definition, "s", table));
            Assert.Equal(expected, SegmentEvaluator.Members(definition, "s", table.ToList()));
        }
    }

    [Fact]
    public void Matches_SegmentOrGroupWithoutConditions_MatchesNobody()
    {
        Assert.False(SegmentEvaluator.Matches(Segment("empty", RuleMatch.All), Facts(1)));
        Assert.False(SegmentEvaluator.Matches(Segment("empty", RuleMatch.Any, Group(RuleMatch.All)), Facts(1)));
    }

    [Fact]
    public void Serialize_RoundTripsAsDataWithNamedEnums()
    {
        var definition = new SegmentationDefinition([
            Segment("big", RuleMatch.Any, Group(RuleMatch.All, C(SegmentField.Consent, RuleOperator.NotEqual, "EmailMarketing"))),
        ]);

        var json = definition.Serialize();

        Assert.Contains("\"field\":\"consent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"operator\":\"notEqual\"", json, StringComparison.Ordinal);
        var back = SegmentationDefinition.Deserialize(json);
        Assert.Equal(definition.Segments[0].Groups[0].Conditions[0], back.Segments[0].Groups[0].Conditions[0]);
        Assert.Equal(RuleMatch.Any, back.Segments[0].Match);
    }

    [Fact]
    public void Migration_ErasedCustomersLeftOutOfBothDates_NewOnesCountedApart()
    {
        var definition = new SegmentationDefinition([Segment("big", RuleMatch.All,
            Group(RuleMatch.All, C(SegmentField.Monetary, RuleOperator.GreaterOrEqual, "500")))]);
        var version = new SegmentationVersionInfo("k", "K", 3, DateTime.UtcNow, "a", "r", definition);
        CustomerSegmentFacts[] earlier = [Facts(1, monetary: 100m), Facts(2, monetary: 600m), Facts(3, monetary: 900m)];
        CustomerSegmentFacts[] later = [Facts(1, monetary: 700m), Facts(2, monetary: 600m), Facts(3, monetary: 900m), Facts(4, monetary: 50m)];

        var migration = SegmentMigrationCalculator.Calculate(version, new DateOnly(2026, 1, 1),
            earlier, new DateOnly(2026, 3, 1), later, new HashSet<int> { 3 });

        Assert.Equal(1, migration.Counts[0][1]); // 1: none → big
        Assert.Equal(1, migration.Counts[1][1]); // 2 stays big; 3 is erased: nowhere
        Assert.Equal(2, migration.Counts.Sum(r => r.Sum()));
        Assert.Equal([1, 0], migration.NewCustomers);
        Assert.Equal(3, migration.Version);
    }
}
