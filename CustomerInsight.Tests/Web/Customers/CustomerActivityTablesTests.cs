using CustomerInsight.Web.Components.Pages.Customers;

namespace CustomerInsight.Tests.Web.Customers;

/// <summary>The customer 360's consent table shows Paris time, as the workbooks do, not UTC.</summary>
public sealed class CustomerActivityTablesTests : BunitTestBase
{
    [Fact]
    public void Consents_RecordedAtInParisTime_AndTheColumnSaysSo()
    {
        // 23:10 UTC on 14 August is 01:10 on the 15th in Paris (summer, UTC+2).
        IReadOnlyList<ConsentEntry> consents =
            [new(ConsentPurpose.EmailMarketing, ConsentStatus.Granted, new DateTime(2026, 8, 14, 23, 10, 0, DateTimeKind.Utc), "web", null)];

        var view = Render<CustomerActivityTables>(p => p
            .Add(c => c.Consents, consents)
            .Add(c => c.Surveys, Array.Empty<CustomerSurveyRow>()));

        var table = view.Find("[data-testid=customer-consents]");
        Assert.Equal("15/08/2026 01:10", table.QuerySelector("tbody td")!.TextContent.Trim());
        Assert.DoesNotContain("UTC", table.TextContent, StringComparison.Ordinal);
        Assert.Contains("(heure de Paris)", table.QuerySelector("thead th")!.TextContent, StringComparison.Ordinal);
    }
}
