using MudBlazor;
using SegmentsPage = CustomerInsight.Web.Components.Pages.Segments.Segments;

namespace CustomerInsight.Tests.Web.Segments;

/// <summary>
/// The segments page with a navigation manager that behaves as Blazor Server's: the address changes only when the
/// browser confirms a navigation, a round trip later (long on a loaded machine).
/// </summary>
public sealed class SegmentsPageNavigationTests : DatabaseBunitTestBase
{
    private DateOnly defaultDate;
    private ServerLikeNavigation navigation = null!;

    protected override async Task ArrangeAsync()
    {
        await SeedDemoAsync(80);
        defaultDate = (await new RfmQueries(Database.Factory, Options.Create(new RfmOptions())).GetDefaultAnalysisDateAsync(Token))!.Value;
        navigation = new ServerLikeNavigation("http://localhost/", $"http://localhost/segments?date={Iso(defaultDate)}");
        Services.AddSingleton<NavigationManager>(navigation);
        JSInterop.SetupModule(ChartJs.ModulePath);
        SignInInteractiveAs(Roles.Analyst);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task PickingADateTwiceBeforeTheBrowserConfirms_OneHistoryEntry()
    {
        var page = Render<SegmentsPage>();
        page.WaitForElement("[data-testid=segments-scored]", Wait);
        var analysisPicker = page.FindComponents<MudDatePicker>()[0];
        var later = defaultDate.AddMonths(-2).ToDateTime(TimeOnly.MinValue);

        // The picker reports the typed date on input and again on blur, before the first navigation has come back.
        await page.InvokeAsync(() => analysisPicker.Instance.DateChanged.InvokeAsync(later));
        await page.InvokeAsync(() => analysisPicker.Instance.DateChanged.InvokeAsync(later));

        Assert.Equal([$"/segments?date={Iso(defaultDate.AddMonths(-2))}"], navigation.Requested);
        await page.InvokeAsync(navigation.Confirm);
        await page.InvokeAsync(() => analysisPicker.Instance.DateChanged.InvokeAsync(later));
        Assert.Single(navigation.Requested);

        // Another date after the confirmation is a new view again.
        await page.InvokeAsync(() => analysisPicker.Instance.DateChanged.InvokeAsync(later.AddMonths(-1)));
        Assert.Equal(2, navigation.Requested.Count);
    }
}

/// <summary>A navigation manager that, like Blazor Server's, changes its address only when the browser confirms (<see cref="Confirm"/>).</summary>
internal sealed class ServerLikeNavigation : NavigationManager
{
    public ServerLikeNavigation(string baseUri, string uri) => Initialize(baseUri, uri);

    public List<string> Requested { get; } = [];

    public void Confirm()
    {
        Uri = ToAbsoluteUri(Requested[^1]).ToString();
        NotifyLocationChanged(isInterceptedLink: false);
    }

    protected override void NavigateToCore(string uri, NavigationOptions options) => Requested.Add(uri);
}
