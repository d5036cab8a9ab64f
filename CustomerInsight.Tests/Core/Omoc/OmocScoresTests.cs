namespace CustomerInsight.Tests.Core.Omoc;

public class OmocScoresTests
{
    [Fact]
    public void IsComplete_FourScores_True() => Assert.True(new OmocScores(1, 2, 3, 4).IsComplete);

    [Fact]
    public void IsComplete_OneMissing_False() => Assert.False(new OmocScores(1, 2, null, 4).IsComplete);

    [Fact]
    public void IsValid_PartialWithinRange_True()
    {
        var scores = new OmocScores(1, null, 4, null);
        Assert.True(scores.IsValid);
        Assert.Empty(scores.InvalidAxes);
    }

    [Fact]
    public void InvalidAxes_ZeroAndFive_NamesThoseAxes()
    {
        var scores = new OmocScores(0, 2, 3, 5);
        Assert.False(scores.IsValid);
        Assert.Equal([OmocAxis.Tools, OmocAxis.Culture], scores.InvalidAxes);
    }

    [Fact]
    public void Indexer_EachAxis_ReturnsItsScore()
    {
        var scores = new OmocScores(1, 2, 3, 4);
        Assert.Equal([1, 2, 3, 4], OmocAxes.All.Select(axis => scores[axis]));
        Assert.Equal([1, 2, 3, 4], scores.Values);
    }

    [Fact]
    public void With_OneAxis_ChangesOnlyThatAxis()
    {
        var scores = OmocScores.Empty.With(OmocAxis.Organisation, 3);
        Assert.Equal(new OmocScores(null, null, 3, null), scores);
        Assert.Equal(OmocScores.Empty, new OmocScores(null, null, null, null));
    }
}
