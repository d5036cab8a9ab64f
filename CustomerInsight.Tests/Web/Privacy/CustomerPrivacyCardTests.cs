using CustomerInsight.Web.Components.Pages.Privacy;

namespace CustomerInsight.Tests.Web.Privacy;

/// <summary>Ids and names already stored with characters that hide themselves are shown as they are stored.</summary>
public sealed class CustomerPrivacyCardTests : BunitTestBase
{
    [Fact]
    public void Render_IdWithRightToLeftOverrideAndNameWithZeroWidthSpace_ShownEscaped()
    {
        var file = new CustomerFile(
            new CustomerFileProfile(7, "\u202EUNI3", new PersonalFields("Je\u200Ban", "Martin", null, null, null, null, null),
                new DateTime(2024, 1, 15, 0, 0, 0, DateTimeKind.Utc), null),
            [], [], [], []);

        var card = Render<CustomerPrivacyCard>(p => p.Add(c => c.File, file));

        Assert.Equal("\\u202EUNI3", card.Find("[data-testid=privacy-source-id]").TextContent);
        Assert.Equal("Je\\u200Ban", card.Find("[data-testid=privacy-first-name]").TextContent);
        Assert.DoesNotContain("\u202E", card.Markup, StringComparison.Ordinal);
    }
}
