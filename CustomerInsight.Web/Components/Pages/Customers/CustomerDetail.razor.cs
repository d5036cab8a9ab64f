using CustomerInsight.Core.Customers;

namespace CustomerInsight.Web.Components.Pages.Customers;

/// <summary>One customer: profile, RFM over time, orders (lines on demand), consents and survey answers.</summary>
public sealed partial class CustomerDetail
{
    private Core.Customers.Customer360? view;
    private bool loading = true;
    private bool error;
    private int? mergedInto;

    [Parameter]
    public int Id { get; set; }

    [Inject]
    public required CustomerQueries Queries { get; set; }

    [Inject]
    public required DisplayFormat Format { get; set; }

    [Inject]
    public required CustomerInsight.Core.Unify.UnifyQueries Unify { get; set; }

    [Inject]
    public required IStringLocalizer<CustomersText> T { get; set; }

    [Inject]
    public required ILogger<CustomerDetail> Logger { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        loading = true;
        error = false;
        error = !await PageLoad.TryAsync(Logger, "Customer 360", async () =>
        {
            view = await Queries.Get360Async(Id);
            // A record merged into another customer (Good data page) no longer exists on its own: say where it went.
            mergedInto = view is null ? await Unify.MergedIntoAsync(Id) : null;
        }, Id);
        loading = false;
    }

    private Task<IReadOnlyList<CustomerOrderLineRow>> LoadLinesAsync(long orderId) => Queries.GetOrderLinesAsync(Id, orderId);
}
