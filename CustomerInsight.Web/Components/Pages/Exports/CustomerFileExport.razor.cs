using CustomerInsight.Core.Privacy;
using CustomerInsight.Web.Endpoints;
using Microsoft.AspNetCore.Components.Web;

namespace CustomerInsight.Web.Components.Pages.Exports;

/// <summary>
/// Finds the customer of an access or portability request by source id (<c>CLI-…</c>) or e-mail, any case
/// (<see cref="CustomerFileQueries.FindIdAsync"/>), then offers its workbook. The search re-checks the
/// customer-data policy on the server; the download endpoint checks it again.
/// </summary>
public sealed partial class CustomerFileExport
{
    private string? term;
    private CustomerMatch? found;
    private bool notFound;
    private bool personal;
    private bool searching;

    [Inject] public required IStringLocalizer<ExportsText> T { get; set; }
    [Inject] public required CustomerFileQueries Files { get; set; }
    [Inject] public required CircuitAccess Access { get; set; }
    [Inject] public required ILogger<CustomerFileExport> Logger { get; set; }

    private string? Href => found is { } match ? AppUrls.CustomerWorkbook(match.Id, personal) : null;

    private async Task KeyDownAsync(KeyboardEventArgs e)
    {
        if (e.Key == "Enter")
        {
            await FindAsync();
        }
    }

    private async Task FindAsync()
    {
        found = null;
        notFound = false;
        if (string.IsNullOrWhiteSpace(term))
        {
            return;
        }
        searching = true;
        try
        {
            // A refusal or a failure reads as "not found": the search says nothing more about who exists.
            await Access.RunAsync(Policies.CustomerData, Logger, "Customer search of the exports page", async _ =>
            {
                found = await Files.FindIdAsync(term);
                notFound = found is null;
            }, _ => notFound = true, new("", ""));
        }
        finally
        {
            searching = false;
        }
    }
}
