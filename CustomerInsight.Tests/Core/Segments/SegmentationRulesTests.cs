namespace CustomerInsight.Tests.Core.Segments;

public class SegmentationRulesTests
{
    private static SegmentationDefinition One(params SegmentCondition[] conditions) =>
        new([new SegmentDefinition("", "Gros acheteurs", RuleMatch.All, [new SegmentRuleGroup(RuleMatch.All, conditions)])]);

    [Fact]
    public void Validate_ReasonAndNameRequired()
    {
        var errors = SegmentationRules.Validate(" ", One(new SegmentCondition(SegmentField.Orders, RuleOperator.Greater, "1")), "  ");

        Assert.Equal([SegmentError.NameRequired, SegmentError.ReasonRequired], errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(SegmentField.Orders, RuleOperator.Greater, "deux", SegmentError.NumberRequired)]
    [InlineData(SegmentField.RecencyScore, RuleOperator.Equal, "6", SegmentError.ScoreRange)]
    [InlineData(SegmentField.FrequencyScore, RuleOperator.Equal, "2.5", SegmentError.ScoreRange)]
    [InlineData(SegmentField.Country, RuleOperator.Less, "France", SegmentError.OperatorNotAllowed)]
    [InlineData(SegmentField.Channel, RuleOperator.Equal, "Pigeon", SegmentError.UnknownValue)]
    [InlineData(SegmentField.Consent, RuleOperator.Equal, "3", SegmentError.UnknownValue)]
    [InlineData(SegmentField.Monetary, RuleOperator.Equal, "", SegmentError.ValueRequired)]
    public void Validate_BadCondition_LocatedAtSegmentGroupCondition(SegmentField field, RuleOperator op, string value, string code)
    {
        var definition = One(new SegmentCondition(SegmentField.Orders, RuleOperator.Greater, "1"), new SegmentCondition(field, op, value));

        var error = Assert.Single(SegmentationRules.Validate("Deux profils", definition, "première version"));

        Assert.Equal(new SegmentError(code, 0, 0, 1), error);
    }

    [Fact]
    public void Validate_DuplicateSegmentNamesAndEmptyGroups_Refused()
    {
        var definition = new SegmentationDefinition([
            new SegmentDefinition("", "A", RuleMatch.All,
                [new SegmentRuleGroup(RuleMatch.All, [new SegmentCondition(SegmentField.Orders, RuleOperator.Greater, "1")])]),
            new SegmentDefinition("", "a", RuleMatch.All, [new SegmentRuleGroup(RuleMatch.Any, [])]),
        ]);

        var errors = SegmentationRules.Validate("Deux profils", definition, "v1");

        Assert.Equal([new SegmentError(SegmentError.SegmentNameDuplicate, 1), new SegmentError(SegmentError.NoCondition, 1, 0)], errors);
    }

    [Theory]
    [InlineData("Deux profils", "deux-profils")]
    [InlineData("  Élite & fidèles !", "elite-fideles")]
    [InlineData("***", "segment")]
    public void KeyFor_AsciiSlug(string name, string expected) => Assert.Equal(expected, SegmentationRules.KeyFor(name, []));

    [Fact]
    public void KeyFor_TakenKey_GetsSuffix() =>
        Assert.Equal("deux-profils-3", SegmentationRules.KeyFor("Deux profils", ["deux-profils", "deux-profils-2"]));

    [Theory]
    [InlineData("deux-profils.gros-acheteurs", true)]
    [InlineData("champions", false)]
    [InlineData("a.b.c", false)]
    [InlineData("a.B", false)]
    [InlineData(".b", false)]
    [InlineData("a;drop.b", false)]
    public void SegmentRef_TryParse(string text, bool ok)
    {
        Assert.Equal(ok, SegmentRef.TryParse(text, out var parsed));
        if (ok)
        {
            Assert.Equal(text, parsed!.ToString());
        }
    }
}
