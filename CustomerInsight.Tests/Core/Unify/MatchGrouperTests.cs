namespace CustomerInsight.Tests.Core.Unify;

/// <summary>metrics.md: customers linked by any rule, directly or through others, form one match group; erased never match.</summary>
public sealed class MatchGrouperTests
{
    private static MatchCandidate C(int id, string? email = null, string? phone = null,
        string? first = null, string? last = null, string? postal = null, bool erased = false) =>
        new(id, erased, email, phone, first, last, postal);

    [Fact]
    public void Group_EachRule_LinksItsPair_WithEvidence()
    {
        var result = MatchGrouper.Group([
            C(1, email: "Marie.Dupont@exemple.fr"), C(2, email: " marie.dupont@EXEMPLE.fr "),
            C(3, phone: "+33 6 12 34 56 78"), C(4, phone: "0033 6 12 34 56 78"),
            C(5, first: "Hélène", last: "Saint-Éloi", postal: "69003"), C(6, first: "Helene", last: "Saint Eloi", postal: "69003"),
        ]);

        Assert.Equal(3, result.Groups.Count);
        Assert.Equal([1, 2], result.Groups[0].CustomerIds);
        Assert.Equal(new MatchLink(1, 2, MatchRule.Email), Assert.Single(result.Groups[0].Links));
        Assert.Equal(new MatchLink(3, 4, MatchRule.Phone), Assert.Single(result.Groups[1].Links));
        Assert.Equal(new MatchLink(5, 6, MatchRule.NameAndPostalCode), Assert.Single(result.Groups[2].Links));
        Assert.Equal(1, result.PairsByRule[MatchRule.Email]);
        Assert.Equal(1, result.PairsByRule[MatchRule.Phone]);
        Assert.Equal(1, result.PairsByRule[MatchRule.NameAndPostalCode]);
        Assert.Equal(6, result.Customers);
    }

    [Fact]
    public void Group_Transitive_ThroughAnotherRecord_OneGroup()
    {
        // 1 and 3 share nothing, but 2 shares the e-mail of 1 and the phone of 3.
        var result = MatchGrouper.Group([
            C(1, email: "a@x.fr", phone: "01 11 11 11 11"),
            C(2, email: "A@X.FR", phone: "06 12 34 56 78"),
            C(3, email: "c@x.fr", phone: "+33612345678"),
        ]);

        var group = Assert.Single(result.Groups);
        Assert.Equal([1, 2, 3], group.CustomerIds);
        Assert.Equal(1, group.SurvivorId);
        Assert.Contains(new MatchLink(1, 2, MatchRule.Email), group.Links);
        Assert.Contains(new MatchLink(2, 3, MatchRule.Phone), group.Links);
    }

    [Fact]
    public void Group_NearMiss_KeptApart()
    {
        var result = MatchGrouper.Group([
            C(1, email: "marie.dupont@exemple.fr", phone: "06 12 34 56 78", first: "Marie", last: "Dupont", postal: "75011"),
            C(2, email: "marie.dupond@exemple.fr", phone: "06 12 34 56 79", first: "Marie", last: "Dupond", postal: "75011"),
        ]);

        Assert.Empty(result.Groups);
        Assert.Equal(0, result.Customers);
    }

    [Fact]
    public void Group_ErasedCustomer_NeverMatches()
    {
        var result = MatchGrouper.Group([C(1, email: "a@x.fr"), C(2, email: "a@x.fr", erased: true)]);

        Assert.Empty(result.Groups);
        Assert.Equal(0, result.PairsByRule[MatchRule.Email]);
    }

    [Fact]
    public void Group_ThreeShareOneKey_ThreePairs_OneGroup()
    {
        var result = MatchGrouper.Group([C(1, email: "a@x.fr"), C(2, email: "a@x.fr"), C(3, email: "a@x.fr")]);

        Assert.Equal(3, result.PairsByRule[MatchRule.Email]);
        Assert.Equal([1, 2, 3], Assert.Single(result.Groups).CustomerIds);
    }

    [Fact]
    public void Group_TwoRulesOnTheSamePair_BothInEvidence_StillOneGroup()
    {
        var result = MatchGrouper.Group([C(1, email: "a@x.fr", phone: "0612345678"), C(2, email: "a@x.fr", phone: "+33 612345678")]);

        var group = Assert.Single(result.Groups);
        Assert.Equal([new MatchLink(1, 2, MatchRule.Email), new MatchLink(1, 2, MatchRule.Phone)], group.Links);
    }

    [Fact]
    public void Group_EmptyFields_NeverLink()
    {
        var result = MatchGrouper.Group([C(1, email: " ", phone: ""), C(2, email: "", phone: "  ")]);

        Assert.Empty(result.Groups);
    }
}
