namespace CustomerInsight.Web.Localization;

/// <summary>Texts of the dashboard, its filter bar and KPI cards: Resources/Localization/DashboardText(.en).resx.</summary>
public sealed class DashboardText;
