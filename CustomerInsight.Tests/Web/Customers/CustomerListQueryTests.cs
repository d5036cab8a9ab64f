using CustomerInsight.Web.Components.Pages.Customers;

namespace CustomerInsight.Tests.Web.Customers;

/// <summary>The customer list's address: every filter, the search and the sort round-trip through it; bad values are dropped.</summary>
public sealed class CustomerListQueryTests
{
    [Fact]
    public void Customers_EveryPart_ParsesBackToTheSameView()
    {
        var query = new CustomerListQuery("Vincent Pauline", RfmSegment.AtRisk, new DateOnly(2011, 12, 10), 2, 3, "United Kingdom",
            Channel.Web, true, CustomerSort.NetRevenue, true);

        var href = AppUrls.Customers(query);

        Assert.Equal("/customers?q=Vincent%20Pauline&segment=at_risk&date=2011-12-10&r=2&f=3&country=United%20Kingdom" +
            "&channel=web&lapsed=yes&sort=netrevenue&desc=1", href);
        var parameters = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://x"), href).Query);
        var parsed = CustomerListQuery.Parse(parameters["q"], parameters["segment"], parameters["date"], parameters["r"], parameters["f"],
            parameters["country"], parameters["channel"], parameters["lapsed"], parameters["sort"], parameters["desc"]);
        Assert.Equal(query, parsed);
    }

    [Fact]
    public void Customers_Defaults_TheBareList() => Assert.Equal("/customers", AppUrls.Customers(new CustomerListQuery()));

    [Fact]
    public void Parse_BadValues_Ignored()
    {
        var parsed = CustomerListQuery.Parse("  ", "nope", "10/12/2011", "6", "0", " ", "7", "maybe", "1", "yes");

        Assert.Equal(new CustomerListQuery(), parsed);
    }

    [Fact]
    public void ToFilter_CarriesTheCellAndTheFilters()
    {
        var filter = new CustomerListQuery("du", RecencyScore: 5, FrequencyScore: 1, Lapsed: false).ToFilter(90);

        Assert.Equal(new CustomerFilter("du", Lapsed: false, LapsedAfterDays: 90, RecencyScore: 5, FrequencyScore: 1), filter);
    }
}
