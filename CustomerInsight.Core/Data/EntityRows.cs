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
    public static void Insert(this BulkWriter writer, Customer c) =>
        writer.Table("Customers", "Id", "SourceId", "FirstName", "LastName", "Email", "Phone", "PostalCode", "City", "Country", "CreatedAtUtc",
            "SourceCreatedAtUtc", "ErasedAtUtc", "ImportBatchId")
            .Insert(c.Id, c.SourceId, c.FirstName, c.LastName, c.Email, c.Phone, c.PostalCode, c.City, c.Country, c.CreatedAtUtc,
                c.SourceCreatedAtUtc, c.ErasedAtUtc, c.ImportBatchId);

    /// <summary>Writes the order and its lines; the order's <see cref="Order.Id"/> must be set, line ids are assigned by the database.</summary>
    public static void Insert(this BulkWriter writer, Order o)
    {
        writer.OrdersTable()
            .Insert(o.Id, o.Source, o.SourceOrderId, o.CustomerId, o.OrderedAtUtc, o.BusinessDate, o.BusinessMonth, (int)o.Channel, (int)o.Kind,
                o.AmountMilli, o.ImportBatchId);
        var lines = writer.OrderLinesTable();
        foreach (var l in o.Lines)
        {
            lines.Insert(o.Id, l.ProductCode, l.Description, l.Quantity, l.UnitPriceMilli, l.AmountMilli);
        }
    }

    public static void Insert(this BulkWriter writer, SurveyResponse r) =>
        writer.Table("SurveyResponses", "SourceId", "CustomerId", "OrderId", "RespondedAtUtc", "BusinessDate", "BusinessMonth", "Kind", "Channel",
            "RecommendScore", "SatisfactionScore", "Comment", "ImportBatchId")
            .Insert(r.SourceId, r.CustomerId, r.OrderId, r.RespondedAtUtc, r.BusinessDate, r.BusinessMonth, (int)r.Kind, (int?)r.Channel,
                r.RecommendScore, r.SatisfactionScore, r.Comment, r.ImportBatchId);

    public static void Insert(this BulkWriter writer, ConsentRecord c) =>
        writer.Table("ConsentRecords", "CustomerId", "Purpose", "Status", "RecordedAtUtc", "Source", "ProofReference", "ImportBatchId")
            .Insert(c.CustomerId, (int)c.Purpose, (int)c.Status, c.RecordedAtUtc, c.Source, c.ProofReference, c.ImportBatchId);

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

    /// <summary>The order lines' prepared INSERT: OrderId, ProductCode, Description, Quantity, UnitPriceMilli, AmountMilli (hot loops keep it rather
    /// than look it up per row).</summary>
    public static TableInserter OrderLinesTable(this BulkWriter writer) =>
        writer.Table("OrderLines", "OrderId", "ProductCode", "Description", "Quantity", "UnitPriceMilli", "AmountMilli");

    /// <summary>The order lines' INSERT for bulk loads, set by position: 0 OrderId, 1 ProductCode, 2 Description, 3 Quantity, 4 UnitPriceMilli, 5
    /// AmountMilli.</summary>
    public static RowInserter OrderLineRows(this BulkWriter writer) =>
        writer.Rows("OrderLines", "OrderId", "ProductCode", "Description", "Quantity", "UnitPriceMilli", "AmountMilli");
}
