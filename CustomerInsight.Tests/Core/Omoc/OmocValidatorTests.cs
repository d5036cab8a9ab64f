namespace CustomerInsight.Tests.Core.Omoc;

public class OmocValidatorTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    [Fact]
    public void ValidateProject_Valid_NoError() =>
        Assert.Empty(OmocValidator.ValidateProject(new ChangeProjectInput("Caisse", null, null, Start, Start)));

    [Fact]
    public void ValidateProject_BlankNameAndGoLiveBeforeStart_TwoErrors()
    {
        var errors = OmocValidator.ValidateProject(new ChangeProjectInput("  ", null, null, Start, Start.AddDays(-1)));
        Assert.Equal(["Name", "GoLiveDate"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ValidateProject_MissingDates_DateErrors()
    {
        var errors = OmocValidator.ValidateProject(new ChangeProjectInput("Caisse", null, null, default, default));
        Assert.Equal(["StartDate", "GoLiveDate"], errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void ValidatePopulation_HeadcountNotPositive_Error(int headcount) =>
        Assert.Equal("Headcount", Assert.Single(OmocValidator.ValidatePopulation(new PopulationInput("Vendeurs", headcount, null))).Field);

    [Fact]
    public void ValidateWorkshop_NoTitleNoDate_Errors()
    {
        var errors = OmocValidator.ValidateWorkshop(new WorkshopInput("", default, WorkshopPhase.BeforeGoLive, null, null));
        Assert.Equal(["Title", "Date"], errors.Select(e => e.Field));
    }

    [Fact]
    public void ValidateAssessment_PartialDraft_Valid() =>
        Assert.Empty(OmocValidator.ValidateAssessment(new OmocScores(3, null, null, null), OmocJustifications.Empty, AssessmentStatus.Draft));

    [Fact]
    public void ValidateAssessment_CompletePartial_ErrorNamesMissingAxes()
    {
        var error = Assert.Single(OmocValidator.ValidateAssessment(new OmocScores(3, null, 2, null),
            OmocJustifications.Empty, AssessmentStatus.Completed));
        Assert.Equal("Scores", error.Field);
        Assert.Contains("Job, Culture", error.Message.English(), StringComparison.Ordinal);
        Assert.Contains("Métier, Culture", error.Message.French(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateAssessment_ScoreOutOfRange_ErrorOnThatAxis() =>
        Assert.Equal("Scores.Organisation",
            Assert.Single(OmocValidator.ValidateAssessment(new OmocScores(1, 1, 5, 1), OmocJustifications.Empty, AssessmentStatus.Draft)).Field);

    [Fact]
    public void ValidateAssessment_JustificationTooLong_Error() =>
        Assert.Equal("Justifications.Culture", Assert.Single(OmocValidator.ValidateAssessment(OmocScores.Empty,
            OmocJustifications.Empty.With(OmocAxis.Culture, new string('x', 2001)), AssessmentStatus.Draft)).Field);
}
