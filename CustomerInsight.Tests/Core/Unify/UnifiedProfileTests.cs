namespace CustomerInsight.Tests.Core.Unify;

/// <summary>metrics.md: a merge keeps for each profile field the value of the most recently created source record that has one.</summary>
public sealed class UnifiedProfileTests
{
    [Fact]
    public void Choose_PerField_NewestRecordWithAValue()
    {
        var store = new ProfileSource(1, new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc),
            new PersonalFields("Hélène", "Saint-Éloi", null, "06 12 34 56 78", "69003", "Lyon", "France"));
        var web = new ProfileSource(2, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc),
            new PersonalFields("Helene", "Saint Eloi", "helene@exemple.fr", "", null, null, "France"));

        var profile = UnifiedProfile.Choose([store, web]);

        Assert.Equal(new PersonalFields("Helene", "Saint Eloi", "helene@exemple.fr", "06 12 34 56 78", "69003", "Lyon", "France"), profile);
    }

    [Fact]
    public void Choose_SameInstant_LaterRecordWins()
    {
        var at = new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc);
        var profile = UnifiedProfile.Choose([
            new ProfileSource(7, at, new PersonalFields("B", null, null, null, null, null, null)),
            new ProfileSource(3, at, new PersonalFields("A", null, null, null, null, null, null)),
        ]);

        Assert.Equal("B", profile.FirstName);
    }
}
