using CustomerInsight.Core.Importing.Reading;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// UCI Online Retail and Online Retail II: one invoice = one order (channel Web) at its earliest line's
/// time; <c>C…</c> = cancellation; <c>A…</c> = adjustment, skipped; sales totalling 0 or less skipped;
/// empty customer = anonymous; exact duplicate rows count once. Keyed by (<c>online-retail</c>, invoice).
/// </summary>
internal sealed class OnlineRetailMapper : FormatMapper
{
    public const string Source = "online-retail";

    private const int Invoice = 0, StockCode = 1, Description = 2, Quantity = 3, InvoiceDate = 4, UnitPrice = 5, CustomerId = 6, Country = 7;

    private static readonly ColumnDef[] Definition =
    [
        new("InvoiceNo", true, "Invoice"),
        new("StockCode", true),
        new("Description", false),
        new("Quantity", true),
        new("InvoiceDate", true),
        new("UnitPrice", true, "Price"),
        new("CustomerID", true),
        new("Country", false),
    ];

    private readonly OrderAccumulator orders = new(Source, dropExactDuplicates: true);

    public override ImportFormat Format => ImportFormat.OnlineRetail;

    public override IReadOnlyList<ColumnDef> Columns => Definition;

    public override Task PrepareAsync(ImportSession session, CancellationToken cancellationToken) => orders.PrepareAsync(session, cancellationToken);

    public override void ReadRow(RowContext row)
    {
        if (!row.TryVisibleText(Invoice, required: true, 64, out var invoice))
        {
            return;
        }
        if (invoice![0] is 'A' or 'a')
        {
            row.Session.Skip(ImportMessages.SkipAdjustment);
            return;
        }
        row.TryVisibleText(StockCode, required: true, 64, out var stockCode);
        var description = row.Text(Description);
        if (description.Length > 500)
        {
            row.Reject(Description, ImportMessages.ValueTooLong, "500");
        }
        row.TryInt(Quantity, required: true, -1_000_000, 1_000_000, out var quantity);
        row.TryMilli(UnitPrice, allowNegative: false, 1_000_000_000, out var unitPrice);
        row.TryInstant(InvoiceDate, required: true, out var utc);
        row.TryVisibleText(CustomerId, required: false, 64, out var customerId);
        row.TryText(Country, required: false, 100, out var country);
        if (row.Rejected)
        {
            return;
        }
        var kind = invoice[0] is 'C' or 'c' ? OrderKind.Cancellation : OrderKind.Sale;
        orders.Add(row, Invoice, CustomerId, invoice, NormaliseCustomerId(customerId), Channel.Web, kind, stockCode!,
            string.IsNullOrWhiteSpace(description) ? null : description, quantity!.Value, unitPrice, utc!.Value, country);
    }

    public override async Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        orders.Validate(session, "InvoiceNo");
        if (!session.HasRejections)
        {
            await orders.WriteAsync(session, progress, cancellationToken);
        }
    }

    /// <summary>Spreadsheets turn 17850 into 17850.0; it is the same customer.</summary>
    private static string? NormaliseCustomerId(string? id)
    {
        if (id is not null && id.EndsWith(".0", StringComparison.Ordinal) && id.AsSpan(0, id.Length - 2).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return id[..^2];
        }
        return id;
    }
}
