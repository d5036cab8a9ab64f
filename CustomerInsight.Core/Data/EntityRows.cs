using CustomerInsight.Core.Customers;
using CustomerInsight.Core.Privacy;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The column lists of the bulk-written tables, in one place, so the seeder and the importer
/// write exactly what EF Core would (enums as integers, dates as ISO text).
/// </summary>
public static class EntityRows
{
    private static readonly string[] CustomerColumns =
        ["Id", "SourceId", "FirstName", "LastName", "Email", "Phone", "PostalCode", "City", "Country", "CreatedAtUtc", "SourceCreatedAtUtc",
            "ErasedAtUtc", "ImportBatchId"];

    /// <summary>Writes the customer (its <see cref="Customer.Id"/> set) through <see cref="BulkWriter.Rows"/>: a million customers of an import
    /// go by multi-row INSERT on SQLite.</summary>
    public static void Insert(this BulkWriter writer, Customer c)
    {
        var rows = writer.Rows("Customers", CustomerColumns);
        rows.Set(0, c.Id);
        rows.Set(1, c.SourceId);
        rows.Set(2, c.FirstName);
        rows.Set(3, c.LastName);
        rows.Set(4, c.Email);
        rows.Set(5, c.Phone);
        rows.Set(6, c.PostalCode);
        rows.Set(7, c.City);
        rows.Set(8, c.Country);
        rows.Set(9, c.CreatedAtUtc);
        rows.Set(10, c.SourceCreatedAtUtc);
        rows.Set(11, c.ErasedAtUtc);
        rows.Set(12, c.ImportBatchId);
        rows.Run();
    }

    /// <summary>Writes a catalogue entry; its <see cref="Product.Id"/> must be set (<see cref="BulkWriter.NextIdAsync"/>).</summary>
    public static void Insert(this BulkWriter writer, Product p)
    {
        var rows = writer.ProductRows();
        rows.Set(0, p.Id);
        rows.Set(1, p.Code);
        rows.Set(2, p.Description);
        rows.Run();
    }

    /// <summary>The catalogue's INSERT, set by position: 0 Id, 1 Code, 2 Description.</summary>
    public static RowInserter ProductRows(this BulkWriter writer) => writer.Rows("Products", "Id", "Code", "Description");

    /// <summary>Writes the order and its lines; the order's <see cref="Order.Id"/> and its lines' <see cref="OrderLine.ProductId"/> must be
    /// set, line ids are assigned by the database.</summary>
    public static void Insert(this BulkWriter writer, Order o)
    {
        writer.OrdersTable()
            .Insert(o.Id, o.Source, o.SourceOrderId, o.CustomerId, o.OrderedAtUtc, o.BusinessDate, o.BusinessMonth, (int)o.Channel, (int)o.Kind,
                o.AmountMilli, o.ImportBatchId);
        var lines = writer.OrderLinesTable();
        foreach (var l in o.Lines)
        {
            lines.Insert(o.Id, l.ProductId, l.Quantity, l.UnitPriceMilli, l.AmountMilli);
        }
    }

    private static readonly string[] SurveyResponseColumns =
        ["SourceId", "CustomerId", "OrderId", "RespondedAtUtc", "BusinessDate", "BusinessMonth", "Kind", "Channel", "RecommendScore",
            "SatisfactionScore", "Comment", "ImportBatchId"];

    public static void Insert(this BulkWriter writer, SurveyResponse r)
    {
        var rows = writer.Rows("SurveyResponses", SurveyResponseColumns);
        rows.Set(0, r.SourceId);
        rows.Set(1, r.CustomerId);
        rows.Set(2, r.OrderId);
        rows.Set(3, r.RespondedAtUtc);
        rows.Set(4, r.BusinessDate);
        rows.Set(5, r.BusinessMonth);
        rows.Set(6, (int)r.Kind);
        rows.Set(7, (int?)r.Channel);
        rows.Set(8, r.RecommendScore);
        rows.Set(9, r.SatisfactionScore);
        rows.Set(10, r.Comment);
        rows.Set(11, r.ImportBatchId);
        rows.Run();
    }

    private static readonly string[] ConsentColumns =
        ["CustomerId", "Purpose", "Status", "RecordedAtUtc", "Source", "ProofReference", "ImportBatchId"];

    public static void Insert(this BulkWriter writer, ConsentRecord c)
    {
        var rows = writer.Rows("ConsentRecords", ConsentColumns);
        rows.Set(0, c.CustomerId);
        rows.Set(1, (int)c.Purpose);
        rows.Set(2, (int)c.Status);
        rows.Set(3, c.RecordedAtUtc);
        rows.Set(4, c.Source);
        rows.Set(5, c.ProofReference);
        rows.Set(6, c.ImportBatchId);
        rows.Run();
    }

    /// <summary>The orders' prepared INSERT: Id, Source, SourceOrderId, CustomerId, OrderedAtUtc, BusinessDate, BusinessMonth, Channel (int), Kind
    /// (int), AmountMilli, ImportBatchId.</summary>
    public static TableInserter OrdersTable(this BulkWriter writer) =>
        writer.Table("Orders", "Id", "Source", "SourceOrderId", "CustomerId", "OrderedAtUtc", "BusinessDate", "BusinessMonth", "Channel", "Kind",
            "AmountMilli", "ImportBatchId");

    /// <summary>
    /// The orders' INSERT for bulk loads, set by position (the columns of <see cref="OrdersTable"/>: 0 Id, 1 Source, 2 SourceOrderId,
    /// 3 CustomerId, 4 OrderedAtUtc, 5 BusinessDate, 6 BusinessMonth, 7 Channel, 8 Kind, 9 AmountMilli, 10 ImportBatchId).
    /// </summary>
    public static RowInserter OrderRows(this BulkWriter writer) =>
        writer.Rows("Orders", "Id", "Source", "SourceOrderId", "CustomerId", "OrderedAtUtc", "BusinessDate", "BusinessMonth", "Channel", "Kind",
            "AmountMilli", "ImportBatchId");

    /// <summary>The order lines' prepared INSERT: OrderId, ProductId, Quantity, UnitPriceMilli, AmountMilli (hot loops keep it rather than look it
    /// up per row).</summary>
    public static TableInserter OrderLinesTable(this BulkWriter writer) =>
        writer.Table("OrderLines", "OrderId", "ProductId", "Quantity", "UnitPriceMilli", "AmountMilli");

    /// <summary>The order lines' INSERT for bulk loads, set by position: 0 OrderId, 1 ProductId, 2 Quantity, 3 UnitPriceMilli, 4 AmountMilli.
    /// The lines are to be written order by order, in the order of the orders' new ids (<see cref="BulkWriter.WritesInOrderOf"/>).</summary>
    public static RowInserter OrderLineRows(this BulkWriter writer)
    {
        writer.WritesInOrderOf("OrderLines", "OrderId");
        return writer.Rows("OrderLines", "OrderId", "ProductId", "Quantity", "UnitPriceMilli", "AmountMilli");
    }
}
