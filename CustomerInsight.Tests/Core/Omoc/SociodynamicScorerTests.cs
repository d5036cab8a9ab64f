namespace CustomerInsight.Tests.Core.Omoc;

/// <summary>metrics.md "Sociodynamic map": the table of the eight positions over the 16 cells, allies and the balance.</summary>
public sealed class SociodynamicScorerTests
{
    /// <summary>The 16 cells (synergy, antagonism) and their position, written out from the table of metrics.md.</summary>
    public static TheoryData<int, int, SociodynamicPosition> Cells() => new()
    {
        { 1, 1, SociodynamicPosition.Passive },
        { 1, 2, SociodynamicPosition.Passive },
        { 2, 1, SociodynamicPosition.Passive },
        { 2, 2, SociodynamicPosition.Passive },
        { 3, 1, SociodynamicPosition.Zealous },
        { 4, 1, SociodynamicPosition.Zealous },
        { 3, 2, SociodynamicPosition.GoldenTriangle },
        { 4, 2, SociodynamicPosition.GoldenTriangle },
        { 4, 3, SociodynamicPosition.GoldenTriangle },
        { 3, 3, SociodynamicPosition.Hesitant },
        { 3, 4, SociodynamicPosition.Torn },
        { 4, 4, SociodynamicPosition.Torn },
        { 1, 3, SociodynamicPosition.Grumbler },
        { 2, 3, SociodynamicPosition.Grumbler },
        { 2, 4, SociodynamicPosition.Opponent },
        { 1, 4, SociodynamicPosition.DieHard },
    };

    [Theory]
    [MemberData(nameof(Cells))]
    public void Position_EachOfTheSixteenCells_IsTheTablesPosition(int synergy, int antagonism, SociodynamicPosition expected) =>
        Assert.Equal(expected, SociodynamicScorer.Position(synergy, antagonism));

    [Fact]
    public void Cells_EveryPosition_TogetherCoverTheSixteenCellsOnce()
    {
        var all = SociodynamicScorer.AllPositions.SelectMany(SociodynamicScorer.Cells).ToList();
        Assert.Equal(16, all.Count);
        Assert.Equal(16, all.Distinct().Count());
        Assert.Equal(8, SociodynamicScorer.AllPositions.Count);
        Assert.Equal([(3, 2), (4, 2), (4, 3)], SociodynamicScorer.Cells(SociodynamicPosition.GoldenTriangle));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(5, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 5)]
    public void Position_OutsideOneToFour_Throws(int synergy, int antagonism) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SociodynamicScorer.Position(synergy, antagonism));

    [Fact]
    public void IsAlly_ZealousAndGoldenTriangleOnly_IsOpponent_OpponentsAndDieHardsOnly()
    {
        Assert.Equal([SociodynamicPosition.Zealous, SociodynamicPosition.GoldenTriangle],
            SociodynamicScorer.AllPositions.Where(SociodynamicScorer.IsAlly));
        Assert.Equal([SociodynamicPosition.Opponent, SociodynamicPosition.DieHard],
            SociodynamicScorer.AllPositions.Where(SociodynamicScorer.IsOpponent));
    }

    [Fact]
    public void Balance_WeightsAreHeadcountsAndOneForAPerson_AlliesMinusOpponentsAndDieHards()
    {
        // Sellers (420, golden triangle), managers (48, zealous), a sponsor (person, zealous), pickers (120, opponents),
        // a union delegate (person, die-hard), service (65, hesitant: neither side).
        var balance = SociodynamicScorer.Balance(
        [
            (SociodynamicPosition.GoldenTriangle, 420),
            (SociodynamicPosition.Zealous, 48),
            (SociodynamicPosition.Zealous, 1),
            (SociodynamicPosition.Opponent, 120),
            (SociodynamicPosition.DieHard, 1),
            (SociodynamicPosition.Hesitant, 65),
        ]);
        Assert.Equal((469, 121, 348), (balance.AlliesWeight, balance.OpponentsWeight, balance.Balance));
    }

    [Fact]
    public void Balance_OnlyOpponents_IsNegative_Empty_IsZero()
    {
        Assert.Equal(-30, SociodynamicScorer.Balance([(SociodynamicPosition.DieHard, 30), (SociodynamicPosition.Passive, 500)]).Balance);
        Assert.Equal(0, SociodynamicScorer.Balance([]).Balance);
    }

    [Fact]
    public void NameAndAdvice_EveryPosition_FrenchAndEnglish()
    {
        foreach (var position in SociodynamicScorer.AllPositions)
        {
            Assert.False(string.IsNullOrWhiteSpace(SociodynamicScorer.Name(position).French()));
            Assert.False(string.IsNullOrWhiteSpace(SociodynamicScorer.Advice(position).English()));
            Assert.NotEqual(SociodynamicScorer.Advice(position).French(), SociodynamicScorer.Advice(position).English());
        }
        Assert.Equal("Triangle d'or", SociodynamicScorer.Name(SociodynamicPosition.GoldenTriangle).French());
        Assert.Equal("Irréductibles", SociodynamicScorer.Name(SociodynamicPosition.DieHard).French());
    }

    [Fact]
    public void MapBuilder_ReadingsInAnyOrder_LatestAndPreviousByDateBalanceOnLatest()
    {
        var project = new ChangeProjectInfo(1, "Caisse", null, null, new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 1));
        SociodynamicActorInfo sellers = new(1, "Vendeurs", 10, null, 420), delegate_ =
            new(2, "Délégué", null, "CSE", 0), idle = new(3, "Comptables", 11, null, 22);
        var map = SociodynamicMapBuilder.Build(project, [delegate_, idle, sellers],
        [
            new(5, 1, new DateOnly(2026, 6, 9), 3, 2, "initiatives", null),
            new(4, 1, new DateOnly(2025, 10, 14), 2, 3, "critiques", null),
            new(6, 2, new DateOnly(2026, 6, 9), 1, 4, "rupture", null),
        ],
        new Dictionary<int, decimal> { [10] = 3.3m });

        // Populations first, then people, each by name.
        Assert.Equal(["Comptables", "Vendeurs", "Délégué"], map.Actors.Select(a => a.Actor.Name));
        var first = map.Actors[1];
        Assert.Equal((SociodynamicPosition.GoldenTriangle, SociodynamicPosition.Grumbler), (first.Position, first.Previous!.Position));
        Assert.Equal(3.3m, first.ImpactIndex);
        Assert.Null(map.Actors.Single(a => a.Actor.Id == 3).Position);
        Assert.Equal(2, map.Placed.Count);
        // Sellers weigh their headcount (420), the delegate 1: 420 − 1.
        Assert.Equal(419, map.Balance.Balance);
    }
}
