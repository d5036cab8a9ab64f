namespace CustomerInsight.Web.Localization;

/// <summary>Marker for the Customers texts: Resources/Localization/CustomersText.resx (French) and .en.resx.</summary>
public sealed class CustomersText;
