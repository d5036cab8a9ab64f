using MudBlazor;

namespace CustomerInsight.Web.Components.Layout;

/// <summary>One entry of the navigation drawer: where it goes and which policy may see it.</summary>
public sealed record NavItem(string Key, string Href, string TextKey, string Icon, string Policy);

/// <summary>The drawer's entries, one per page that exists, in the order of product.md.</summary>
public static class NavItems
{
    public static readonly IReadOnlyList<NavItem> All =
    [
        new("dashboard", "/", "NavDashboard", Icons.Material.Filled.Dashboard, Policies.Reader),
        new("segments", "/segments", "NavSegments", Icons.Material.Filled.BubbleChart, Policies.Reader),
        new("custom-segments", "/segments/custom", "NavCustomSegments", Icons.Material.Filled.Rule, Policies.Segmentation),
        new("value", AppUrls.ValuePath, "NavValue", Icons.Material.Filled.TrendingDown, Policies.Value),
        new("customers", "/customers", "NavCustomers", Icons.Material.Filled.People, Policies.CustomerData),
        new("satisfaction", "/satisfaction", "NavSatisfaction", Icons.Material.Filled.SentimentSatisfied, Policies.Reader),
        new("omoc", "/omoc", "NavOmoc", Icons.Material.Filled.TrackChanges, Policies.Reader),
        new("data", "/data", "NavData", Icons.Material.Filled.UploadFile, Policies.Import),
        new("quality", "/quality", "NavQuality", Icons.Material.Filled.FactCheck, Policies.DataQuality),
        new("exports", "/exports", "NavExports", Icons.Material.Filled.FileDownload, Policies.OmocExport),
        new("privacy", "/privacy", "NavPrivacy", Icons.Material.Filled.PrivacyTip, Policies.Admin),
        new("audit", "/audit", "NavAudit", Icons.Material.Filled.History, Policies.Admin),
        new("admin", "/admin", "NavAdmin", Icons.Material.Filled.AdminPanelSettings, Policies.Admin),
    ];
}
