namespace CustomerInsight.Tests.Core.Omoc;

public class OmocAxesTests
{
    [Fact]
    public void All_Always_ToolsJobOrganisationCulture()
    {
        Assert.Equal([OmocAxis.Tools, OmocAxis.Job, OmocAxis.Organisation, OmocAxis.Culture], OmocAxes.All);
        Assert.Equal(OmocAxes.All, OmocAxes.Descriptions.Select(d => d.Axis));
    }

    [Theory]
    [InlineData(OmocAxis.Tools, "Outils", "Tools")]
    [InlineData(OmocAxis.Job, "Métier", "Job")]
    [InlineData(OmocAxis.Organisation, "Organisation", "Organisation")]
    [InlineData(OmocAxis.Culture, "Culture", "Culture")]
    public void Describe_EachAxis_FrenchAndEnglishNames(OmocAxis axis, string french, string english)
    {
        var description = OmocAxes.Describe(axis);
        Assert.Equal(french, description.Name.French());
        Assert.Equal(english, description.Name.English());
    }

    [Fact]
    public void Descriptions_EveryText_FilledInBothLanguagesAndDistinct()
    {
        foreach (var d in OmocAxes.Descriptions)
        {
            foreach (var text in new[] { d.Name, d.Assessed, d.ScoreOneMeans, d.ScoreFourMeans, d.RecommendedActions })
            {
                Assert.False(string.IsNullOrWhiteSpace(text.French()));
                Assert.False(string.IsNullOrWhiteSpace(text.English()));
            }
            Assert.NotEqual(d.ScoreOneMeans, d.ScoreFourMeans);
        }
        Assert.Equal(4, OmocAxes.Descriptions.Select(d => d.RecommendedActions.English()).Distinct().Count());
    }

    [Fact]
    public void Describe_ToolsActions_AsMetricsSays() =>
        Assert.Equal("Tool training and user support", OmocAxes.Describe(OmocAxis.Tools).RecommendedActions.English());

    [Fact]
    public void Describe_UnknownAxis_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OmocAxes.Describe((OmocAxis)7));

    [Theory]
    [InlineData("en-GB", "Job")]
    [InlineData("en", "Job")]
    [InlineData("fr-FR", "Métier")]
    [InlineData("de-DE", "Métier")]
    public void LocalizedTextFor_Culture_EnglishOnlyForEnglish(string culture, string expected) =>
        Assert.Equal(expected, OmocAxes.Describe(OmocAxis.Job).Name.For(CultureInfo.GetCultureInfo(culture)));
}
