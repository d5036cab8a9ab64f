namespace CustomerInsight.Web;

/// <summary>
/// Numbers, money, rates and dates in the user's culture, with the database's reporting currency
/// (<see cref="DatabaseCurrency"/>, recorded from Business:Currency when the database was created) rather than
/// the culture's own (an English user still sees euros).
/// </summary>
public sealed class DisplayFormat(IOptions<BusinessOptions> business, DatabaseCurrency? databaseCurrency = null)
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["EUR"] = "€", ["GBP"] = "£", ["USD"] = "$", ["CHF"] = "CHF",
    };

    /// <summary>The database's currency; without a database (component tests), the configured one.</summary>
    public string Currency => databaseCurrency?.Code ?? business.Value.Currency;

    public static CultureInfo Culture => CultureInfo.CurrentCulture;

    public NumberFormatInfo MoneyFormat
    {
        get
        {
            var format = (NumberFormatInfo)Culture.NumberFormat.Clone();
            format.CurrencySymbol = Symbols.GetValueOrDefault(Currency, Currency);
            return format;
        }
    }

    public string Money(decimal? amount, int decimals = 2) =>
        amount is null ? NotAvailable : NoBreak(amount.Value.ToString("C" + decimals.ToString(CultureInfo.InvariantCulture), MoneyFormat));

    /// <summary>A unit price: 2 decimals, 3 when the thousandth is not zero (prices are kept in thousandths: 0,065 €).</summary>
    public string UnitPrice(decimal? price) =>
        Money(price, price is { } p && decimal.Round(p, 2) != p ? 3 : 2);

    /// <summary>
    /// An id or a name as it is stored: characters that hide themselves or reorder text (a right-to-left override, a
    /// zero-width space, a control character) are written as <c>\u202E</c>, so "\u202EUNI3" does not display as "3INU".
    /// </summary>
    public static string Visible(string? text) => CustomerInsight.Core.Text.VisibleText.Escape(text) ?? string.Empty;

    public static string Count(long? value) => value is null ? NotAvailable : value.Value.ToString("N0", Culture);

    public static string Number(double? value, int decimals = 1) =>
        value is null ? NotAvailable : value.Value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A fraction 0–1 as a percentage.</summary>
    public static string Percent(double? fraction, int decimals = 1) =>
        fraction is null ? NotAvailable : NoBreak(fraction.Value.ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture));

    public static string Date(DateOnly? date) => date is null ? NotAvailable : date.Value.ToString("d", Culture);

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Culture);

    /// <summary>The business zone (Business:TimeZone, Paris), looked up once per scope.</summary>
    private BusinessCalendar Calendar => calendar ??= BusinessCalendar.ForZone(business.Value.TimeZone);

    private BusinessCalendar? calendar;

    /// <summary>
    /// A stored UTC instant as a time of the business zone (Paris, as the workbooks show it), in the user's culture:
    /// "g" date and time, "d" the business day, "t" the time. The only place the UI turns an instant into text.
    /// </summary>
    public string Instant(DateTime utc, string format = "g") =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Calendar.Zone).ToString(format, Culture);

    /// <summary>
    /// .NET's currency and percent patterns put a plain space between the number and its symbol
    /// ("479,39 €", "37,8 %"), which a table cell may wrap: a no-break space keeps them together.
    /// </summary>
    private static string NoBreak(string formatted) => formatted.Replace(' ', '\u00A0');

    /// <summary>Shown where a figure is undefined (nothing to divide by): never 0 or NaN.</summary>
    public static string NotAvailable => Culture.TwoLetterISOLanguageName == "fr" ? "n.d." : "n/a";
}
