using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Tests.Core.Rfm;

public class RfmGridTests
{
    // Every cell of the metrics.md grid, R from 5 down to 1, F from 1 to 5.
    [Theory]
    [InlineData(5, 1, RfmSegment.NewCustomers)]
    [InlineData(5, 2, RfmSegment.PotentialLoyalists)]
    [InlineData(5, 3, RfmSegment.PotentialLoyalists)]
    [InlineData(5, 4, RfmSegment.Champions)]
    [InlineData(5, 5, RfmSegment.Champions)]
    [InlineData(4, 1, RfmSegment.Promising)]
    [InlineData(4, 2, RfmSegment.PotentialLoyalists)]
    [InlineData(4, 3, RfmSegment.PotentialLoyalists)]
    [InlineData(4, 4, RfmSegment.LoyalCustomers)]
    [InlineData(4, 5, RfmSegment.LoyalCustomers)]
    [InlineData(3, 1, RfmSegment.AboutToSleep)]
    [InlineData(3, 2, RfmSegment.AboutToSleep)]
    [InlineData(3, 3, RfmSegment.NeedAttention)]
    [InlineData(3, 4, RfmSegment.LoyalCustomers)]
    [InlineData(3, 5, RfmSegment.LoyalCustomers)]
    [InlineData(2, 1, RfmSegment.Hibernating)]
    [InlineData(2, 2, RfmSegment.Hibernating)]
    [InlineData(2, 3, RfmSegment.AtRisk)]
    [InlineData(2, 4, RfmSegment.AtRisk)]
    [InlineData(2, 5, RfmSegment.CantLoseThem)]
    [InlineData(1, 1, RfmSegment.Hibernating)]
    [InlineData(1, 2, RfmSegment.Hibernating)]
    [InlineData(1, 3, RfmSegment.AtRisk)]
    [InlineData(1, 4, RfmSegment.AtRisk)]
    [InlineData(1, 5, RfmSegment.CantLoseThem)]
    public void SegmentOf_DefaultGrid_MatchesMetricsMd(int r, int f, RfmSegment expected) =>
        Assert.Equal(expected, RfmGrid.Default.SegmentOf(r, f));

    [Theory]
    [InlineData(0, 1)]
    [InlineData(6, 1)]
    [InlineData(1, 0)]
    [InlineData(1, 6)]
    public void SegmentOf_ScoreOutOfRange_Throws(int r, int f) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RfmGrid.Default.SegmentOf(r, f));

    [Fact]
    public void ToRows_RoundTripsThroughParse()
    {
        var rows = RfmGrid.Default.ToRows();

        Assert.Equal(RfmGrid.DefaultRows.Select(r => r.Replace(" ", "", StringComparison.Ordinal)),
            rows.Select(r => r.Replace(" ", "", StringComparison.Ordinal)));
        Assert.Equal(RfmSegment.CantLoseThem, RfmGrid.Parse(rows).SegmentOf(1, 5));
    }

    [Fact]
    public void Parse_UnknownCode_ThrowsNamingTheCell()
    {
        var rows = RfmGrid.DefaultRows.ToArray();
        rows[2] = "about_to_sleep, about_to_sleep, sleepy, loyal_customers, loyal_customers";

        var error = Assert.Throws<FormatException>(() => RfmGrid.Parse(rows));

        Assert.Contains("'sleepy' at R = 3, F = 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FourRows_Throws() =>
        Assert.Throws<FormatException>(() => RfmGrid.Parse(RfmGrid.DefaultRows.Take(4).ToArray()));

    [Fact]
    public void Options_NoGrid_UsesMetricsMdGridAndValidates()
    {
        var options = new RfmOptions();

        Assert.Same(RfmGrid.Default, options.ToGrid());
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Fact]
    public void Options_BoundFromRfmSection_ReplacesTheDefaultGrid()
    {
        var rows = RfmGrid.DefaultRows.ToArray();
        rows[0] = "promising, potential_loyalists, potential_loyalists, champions, champions";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(rows.Select((row, i) => new KeyValuePair<string, string?>($"Rfm:Grid:{i}", row)))
            .Build();

        var options = configuration.GetSection(RfmOptions.SectionName).Get<RfmOptions>()!;

        Assert.Equal(5, options.Grid!.Length);
        Assert.Equal(RfmSegment.Promising, options.ToGrid().SegmentOf(5, 1));
        Assert.Equal(RfmSegment.Champions, options.ToGrid().SegmentOf(5, 5));
    }

    [Fact]
    public void Options_BadGrid_FailsValidation()
    {
        var options = new RfmOptions { Grid = ["champions"] };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(nameof(RfmOptions.Grid), Assert.Single(results).MemberNames);
    }

    [Fact]
    public void Segments_CodesAndNames_InMetricsMdOrder()
    {
        Assert.Equal(
            ["champions", "loyal_customers", "potential_loyalists", "new_customers", "promising",
                "need_attention", "about_to_sleep", "at_risk", "cant_lose_them", "hibernating"],
            RfmSegments.All.Select(s => s.Code()));
        Assert.Equal("Can't lose them", RfmSegment.CantLoseThem.Name().English());
        Assert.Equal("En voie d'endormissement", RfmSegment.AboutToSleep.Name().French());
        Assert.Equal("Clients fidèles", RfmSegment.LoyalCustomers.DisplayName(CultureInfo.GetCultureInfo("fr-FR")));
        Assert.Equal("Loyal customers", RfmSegment.LoyalCustomers.DisplayName(CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal(RfmSegment.AtRisk, RfmSegments.ParseCode("at_risk"));
        Assert.False(RfmSegments.TryParseCode("AtRisk", out _));
    }
}
