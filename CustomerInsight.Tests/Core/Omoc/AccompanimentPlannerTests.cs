using static CustomerInsight.Tests.Core.Omoc.OmocTestData;

namespace CustomerInsight.Tests.Core.Omoc;

public class AccompanimentPlannerTests
{
    [Fact]
    public void Plan_WorkedExample_NeedsOnToolsJobCulture()
    {
        var firstYears = Population(1, "First years", 100);
        var plan = AccompanimentPlanner.Plan([Completed(firstYears, Scores(4, 4, 2, 4))]);

        Assert.Equal([OmocAxis.Tools, OmocAxis.Job, OmocAxis.Culture], plan.Select(n => n.Axis));
        Assert.All(plan, n =>
        {
            Assert.Equal(4, n.Score);
            Assert.Equal(100, n.Headcount);
            Assert.Equal(400, n.Weight);
            Assert.Same(firstYears, n.Population);
        });
        Assert.Equal("Coaching, ambassadors, communication on values and meaning", plan[2].RecommendedActions.English());
    }

    [Fact]
    public void Plan_ScoresOf3And4_OnlyThoseAxes()
    {
        var plan = AccompanimentPlanner.Plan([Completed(Population(1), Scores(2, 3, 1, 4))]);
        Assert.Equal([(OmocAxis.Culture, 4), (OmocAxis.Job, 3)], plan.Select(n => (n.Axis, n.Score)));
    }

    [Fact]
    public void Plan_SeveralPopulations_RankedByScoreTimesHeadcount()
    {
        var small = Population(1, "Small", 10);   // 4 × 10 = 40
        var large = Population(2, "Large", 50);   // 3 × 50 = 150
        var plan = AccompanimentPlanner.Plan([Completed(small, Scores(4, 1, 1, 1)), Completed(large, Scores(1, 1, 3, 1))]);

        Assert.Equal([150L, 40L], plan.Select(n => n.Weight));
        Assert.Equal(["Large", "Small"], plan.Select(n => n.Population.Name));
    }

    [Fact]
    public void Plan_EqualWeights_HigherScoreFirst()
    {
        var a = Population(1, "A", 30);  // 4 × 30 = 120
        var b = Population(2, "B", 40);  // 3 × 40 = 120
        var plan = AccompanimentPlanner.Plan([Completed(b, Scores(3, 1, 1, 1)), Completed(a, Scores(4, 1, 1, 1))]);
        Assert.Equal(["A", "B"], plan.Select(n => n.Population.Name));
    }

    [Fact]
    public void Plan_SameScoreAndHeadcount_AxisOrderThenPopulationName()
    {
        var zulu = Population(1, "Zulu", 20);
        var alpha = Population(2, "Alpha", 20);
        var plan = AccompanimentPlanner.Plan([Completed(zulu, Scores(3, 1, 1, 3)), Completed(alpha, Scores(1, 1, 1, 3))]);

        Assert.Equal([(OmocAxis.Tools, "Zulu"), (OmocAxis.Culture, "Alpha"), (OmocAxis.Culture, "Zulu")],
            plan.Select(n => (n.Axis, n.Population.Name)));
    }

    [Fact]
    public void Plan_InputOrderReversed_SameRanking()
    {
        var assessments = new[]
        {
            Completed(Population(1, "B", 20), Scores(3, 4, 3, 1)),
            Completed(Population(2, "A", 20), Scores(3, 3, 4, 3)),
            Completed(Population(3, "C", 15), Scores(4, 4, 4, 4)),
        };
        var forward = AccompanimentPlanner.Plan(assessments);
        var backward = AccompanimentPlanner.Plan(assessments.Reverse());
        Assert.Equal(forward, backward);
        Assert.Equal(11, forward.Count);
    }

    [Fact]
    public void Plan_Drafts_Skipped() =>
        Assert.Empty(AccompanimentPlanner.Plan([Draft(Population(1), Scores(4, 4, 4, 4))]));

    [Fact]
    public void Plan_NoAssessment_Empty() => Assert.Empty(AccompanimentPlanner.Plan([]));
}
