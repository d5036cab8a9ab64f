using CustomerInsight.Core.Importing.Reading;
using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// Generic order lines grouped by OrderId (source <c>order-lines</c>): channel and kind per order
/// (empty: Other and Sale), an unknown customer id creates a bare customer, empty = anonymous.
/// </summary>
internal sealed class OrderLinesMapper : FormatMapper
{
    public const string Source = "order-lines";

    private const int OrderId = 0, CustomerId = 1, OrderedAt = 2, ChannelColumn = 3, Kind = 4, ProductCode = 5, Description = 6, Quantity = 7,
        UnitPrice = 8;

    private static readonly ColumnDef[] Definition =
    [
        new("OrderId", true),
        new("CustomerId", false),
        new("OrderedAt", true),
        new("Channel", false),
        new("Kind", false),
        new("ProductCode", true),
        new("Description", false),
        new("Quantity", true),
        new("UnitPrice", true),
    ];

    private readonly OrderAccumulator orders = new(Source, dropExactDuplicates: false);
    private string orderColumnName = "OrderId";

    public override ImportFormat Format => ImportFormat.OrderLines;

    public override IReadOnlyList<ColumnDef> Columns => Definition;

    public override Task PrepareAsync(ImportSession session, CancellationToken cancellationToken) => orders.PrepareAsync(session, cancellationToken);

    public override void ReadRow(RowContext row)
    {
        orderColumnName = row.Map.FileNames[OrderId];
        row.TryVisibleText(OrderId, required: true, 64, out var orderId);
        row.TryVisibleText(CustomerId, required: false, 64, out var customerId);
        row.TryInstant(OrderedAt, required: true, out var utc);
        row.TryEnum<Channel>(ChannelColumn, required: false, out var channel);
        row.TryEnum<OrderKind>(Kind, required: false, out var kind);
        row.TryVisibleText(ProductCode, required: true, 64, out var productCode);
        row.TryText(Description, required: false, 500, out var description);
        row.TryInt(Quantity, required: true, -1_000_000, 1_000_000, out var quantity);
        row.TryMilli(UnitPrice, allowNegative: false, 1_000_000_000, out var unitPrice);
        if (row.Rejected)
        {
            return;
        }
        orders.Add(row, Kind, CustomerId, orderId!, customerId, channel ?? Channel.Other, kind ?? OrderKind.Sale, productCode!, description,
            quantity!.Value, unitPrice, utc!.Value, country: null);
    }

    public override async Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        orders.Resolve(session);
        orders.Validate(session, orderColumnName);
        if (!session.HasRejections)
        {
            await orders.WriteAsync(session, progress, cancellationToken);
        }
    }
}
