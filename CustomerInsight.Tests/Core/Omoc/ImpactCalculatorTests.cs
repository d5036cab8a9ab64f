namespace CustomerInsight.Tests.Core.Omoc;

public class ImpactCalculatorTests
{
    [Fact]
    public void Assess_WorkedExampleSchoolOfMagic_Index35High()
    {
        var impact = ImpactCalculator.Assess(new OmocScores(4, 4, 2, 4), AssessmentStatus.Completed);
        Assert.Equal(3.5m, impact.Index);
        Assert.Equal(ImpactLevel.High, impact.Level);
        Assert.False(impact.VeryLowWorthConfirming);
    }

    [Theory]
    [InlineData(1, 2, 3, 3, "2.3")] // 2.25: half away from zero
    [InlineData(2, 3, 3, 3, "2.8")] // 2.75
    [InlineData(1, 1, 2, 3, "1.8")] // 1.75
    [InlineData(1, 1, 1, 2, "1.3")] // 1.25
    [InlineData(3, 3, 4, 4, "3.5")]
    [InlineData(4, 4, 4, 4, "4.0")]
    public void ImpactIndex_QuarterMeans_RoundedHalfAwayFromZero(int tools, int job, int organisation, int culture, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            ImpactCalculator.ImpactIndex(new OmocScores(tools, job, organisation, culture)));

    [Theory]
    [InlineData("1.9", ImpactLevel.Low)]
    [InlineData("2.0", ImpactLevel.Moderate)]
    [InlineData("2.9", ImpactLevel.Moderate)]
    [InlineData("3.0", ImpactLevel.High)]
    [InlineData("1.0", ImpactLevel.Low)]
    [InlineData("4.0", ImpactLevel.High)]
    public void LevelOf_Boundaries_LowBelow2ModerateBelow3(string index, ImpactLevel expected) =>
        Assert.Equal(expected, ImpactCalculator.LevelOf(decimal.Parse(index, System.Globalization.CultureInfo.InvariantCulture)));

    // Four integer scores give means in quarters: 1.75 and 2.75 are the nearest below each boundary.
    [Theory]
    [InlineData(1, 1, 2, 3, ImpactLevel.Low)]      // 1.8
    [InlineData(2, 2, 2, 2, ImpactLevel.Moderate)] // 2.0
    [InlineData(1, 2, 2, 3, ImpactLevel.Moderate)] // 2.0
    [InlineData(2, 3, 3, 3, ImpactLevel.Moderate)] // 2.8
    [InlineData(3, 3, 3, 3, ImpactLevel.High)]     // 3.0
    [InlineData(2, 3, 3, 4, ImpactLevel.High)]     // 3.0
    public void Level_ScoresAroundBoundaries_ExpectedLevel(int tools, int job, int organisation, int culture, ImpactLevel expected) =>
        Assert.Equal(expected, ImpactCalculator.Level(new OmocScores(tools, job, organisation, culture)));

    [Fact]
    public void ImpactIndex_PartialDraft_Null()
    {
        var impact = ImpactCalculator.Assess(new OmocScores(4, 4, null, 4), AssessmentStatus.Draft);
        Assert.Null(impact.Index);
        Assert.Null(impact.Level);
        Assert.Null(ImpactCalculator.ImpactIndex(OmocScores.Empty));
    }

    [Fact]
    public void ImpactIndex_CompleteDraft_Defined() =>
        Assert.Equal(2.5m, ImpactCalculator.Assess(new OmocScores(2, 3, 2, 3), AssessmentStatus.Draft).Index);

    [Fact]
    public void IsVeryLowWorthConfirming_CompletedAllOnes_True()
    {
        var impact = ImpactCalculator.Assess(new OmocScores(1, 1, 1, 1), AssessmentStatus.Completed);
        Assert.True(impact.VeryLowWorthConfirming);
        Assert.Equal(1.0m, impact.Index);
        Assert.Equal(ImpactLevel.Low, impact.Level);
    }

    [Fact]
    public void IsVeryLowWorthConfirming_DraftAllOnes_False() =>
        Assert.False(ImpactCalculator.IsVeryLowWorthConfirming(new OmocScores(1, 1, 1, 1), AssessmentStatus.Draft));

    [Theory]
    [InlineData(1, 1, 1, 2)]
    [InlineData(2, 1, 1, 1)]
    public void IsVeryLowWorthConfirming_CompletedOneAxisAbove1_False(int tools, int job, int organisation, int culture) =>
        Assert.False(ImpactCalculator.IsVeryLowWorthConfirming(new OmocScores(tools, job, organisation, culture), AssessmentStatus.Completed));

    [Fact]
    public void LevelName_High_FortAndHigh()
    {
        Assert.Equal("Fort", ImpactCalculator.LevelName(ImpactLevel.High).French());
        Assert.Equal("High", ImpactCalculator.LevelName(ImpactLevel.High).English());
    }
}
