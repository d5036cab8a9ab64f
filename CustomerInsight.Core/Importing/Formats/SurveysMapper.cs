using CustomerInsight.Core.Data;
using CustomerInsight.Core.Importing.Reading;
using CustomerInsight.Core.Sales;
using CustomerInsight.Core.Surveys;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>
/// Survey responses, idempotent by ResponseId, checked as read and resolved and written once the file is read. A customer id must be known (else the
/// row is rejected);
/// an empty one is an anonymous response. The order link is looked up by order number in every source;
/// an unknown order leaves the link empty (noted in the report). Kind defaults to Transactional when an
/// order is given, Relational otherwise.
/// </summary>
internal sealed class SurveysMapper : FormatMapper
{
    private const int ResponseId = 0, CustomerId = 1, OrderId = 2, RespondedAt = 3, Kind = 4, ChannelColumn = 5, Recommend = 6, Satisfaction = 7,
        Comment = 8;

    private static readonly ColumnDef[] Definition =
    [
        new("ResponseId", true),
        new("CustomerId", false),
        new("OrderId", false),
        new("RespondedAt", true),
        new("Kind", false),
        new("Channel", false),
        new("RecommendScore", false),
        new("SatisfactionScore", false),
        new("Comment", false),
    ];

    private HashSet<string> existing = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private string[] orderSources = [];

    public override ImportFormat Format => ImportFormat.Surveys;

    public override IReadOnlyList<ColumnDef> Columns => Definition;

    public override IEnumerable<ImportIssue> CheckHeader(ColumnMap map)
    {
        if (!map.Has(Recommend) && !map.Has(Satisfaction))
        {
            yield return ImportIssue.Create(1, null, ImportMessages.HeaderNoScoreColumn);
        }
    }

    /// <summary>
    /// The orders' sources, one index seek each through (Source, SourceOrderId): a DISTINCT read every order's entry (0.3 s and
    /// more at 4 M orders).
    /// </summary>
    private const string OrderSourcesSql = """
        WITH RECURSIVE "Sources" ("Source") AS (
            SELECT MIN("Source") FROM "Orders"
            UNION ALL
            SELECT (SELECT MIN(o."Source") FROM "Orders" AS o WHERE o."Source" > s."Source") FROM "Sources" AS s WHERE s."Source" IS NOT NULL)
        SELECT "Source" FROM "Sources" WHERE "Source" IS NOT NULL
        """;

    public override async Task PrepareAsync(ImportSession session, CancellationToken cancellationToken)
    {
        await session.LoadCustomersAsync(cancellationToken);
        existing = await session.LoadKeysAsync("SELECT \"SourceId\" FROM \"SurveyResponses\"", null, cancellationToken);
        orderSources = [.. (await session.LoadKeysAsync(OrderSourcesSql, null, cancellationToken)).Order(StringComparer.Ordinal)];
    }

    private sealed record ResponseRow(int Row, string ResponseId, string? CustomerId, string? OrderId, DateTime Utc, SurveyKind? Kind,
        Channel? Channel, int? Recommend, int? Satisfaction, string? Comment);

    private readonly List<ResponseRow> rows = [];
    private string? customerColumnName;

    /// <summary>Checks the row's values and keeps it; its customer and order are looked up once the file is read.</summary>
    public override void ReadRow(RowContext row)
    {
        customerColumnName ??= row.Map.FileNames[CustomerId];
        row.TryVisibleText(ResponseId, required: true, 64, out var responseId);
        row.TryVisibleText(CustomerId, required: false, 64, out var customerId);
        row.TryVisibleText(OrderId, required: false, 64, out var orderId);
        row.TryInstant(RespondedAt, required: true, out var utc);
        row.TryEnum<SurveyKind>(Kind, required: false, out var kind);
        row.TryEnum<Channel>(ChannelColumn, required: false, out var channel);
        var recommendOk = row.TryInt(Recommend, required: false, 0, 10, out var recommend);
        var satisfactionOk = row.TryInt(Satisfaction, required: false, 1, 5, out var satisfaction);
        row.TryText(Comment, required: false, 4000, out var comment);
        if (recommendOk && satisfactionOk && recommend is null && satisfaction is null)
        {
            row.Reject(row.Map.Has(Recommend) ? Recommend : Satisfaction, ImportMessages.SurveyNoScore);
        }
        if (!row.Rejected)
        {
            rows.Add(new ResponseRow(row.Row, responseId!, customerId, orderId, utc!.Value, kind, channel, recommend, satisfaction, comment));
        }
    }

    /// <summary>In the write transaction: unknown customers rejected, erased and known responses skipped, the rest written.</summary>
    public override async Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        // Every order looked up before the first response is written: on PostgreSQL the responses go through one COPY,
        // which a query in its middle would end (and the next row start again), once per response.
        var orders = await FindOrdersAsync(session, cancellationToken);
        foreach (var row in rows)
        {
            Write(session, row, orders);
        }
    }

    /// <summary>
    /// The orders the responses name, by order number: the first source (in <see cref="orderSources"/>' order, by name) that has
    /// the number gives the order and its customer. One statement per source, every number wanted in one parameter and in
    /// ascending order: the look-ups walk the (Source, SourceOrderId) index from left to right (bench/RESULTS.md).
    /// </summary>
    private async Task<Dictionary<string, (long Id, long? CustomerId)>> FindOrdersAsync(ImportSession session,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, (long Id, long? CustomerId)>(StringComparer.Ordinal);
        var provider = DatabaseProvider.Of(session.Db.Database);
        var findOrdersSql = $"""
            SELECT o."SourceOrderId", o."Id", o."CustomerId"
            FROM {provider.TextsTable("@p1", "w")} {provider.OuterLoopJoin} "Orders" AS o
                ON o."Source" = @p0 AND o."SourceOrderId" = w.value
            """;
        foreach (var source in orderSources)
        {
            var wanted = rows.Where(r => r.OrderId is not null && !found.ContainsKey(r.OrderId)).Select(r => r.OrderId!)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (wanted.Count == 0)
            {
                break;
            }
            await SqlReads.ForEachRowAsync(session.Writer.Connection, session.Writer.Transaction, findOrdersSql,
                [("@p0", source), ("@p1", provider.TextsValue(wanted))],
                row => found.TryAdd(row.Text(0)!, (row.Int64(1), row.IsNull(2) ? null : row.Int64(2))), cancellationToken);
        }
        return found;
    }

    private void Write(ImportSession session, ResponseRow row, Dictionary<string, (long Id, long? CustomerId)> orders)
    {
        CustomerEntry? customer = null;
        if (row.CustomerId is not null && !session.Customers.TryGetValue(row.CustomerId, out customer))
        {
            session.Reject(ImportIssue.Create(row.Row, customerColumnName, ImportMessages.CustomerUnknown));
        }
        if (session.HasRejections)
        {
            return;
        }
        if (customer is { Erased: true })
        {
            session.Skip(ImportMessages.SkipErasedCustomer);
            return;
        }
        if (existing.Contains(row.ResponseId))
        {
            session.Skip(ImportMessages.SkipAlreadyImported);
            return;
        }
        if (!seen.Add(row.ResponseId))
        {
            session.DuplicateRows++;
            return;
        }
        long? orderKey = null;
        long? orderCustomer = null;
        if (row.OrderId is not null)
        {
            if (orders.TryGetValue(row.OrderId, out var order))
            {
                (orderKey, orderCustomer) = order;
            }
            else
            {
                session.Note(ImportMessages.NoteUnknownOrder);
            }
        }
        // Without a CustomerId, the customer of the order answered: the response (and its comment, personal data)
        // belongs to them, so erasure, the customer file and the segment filter find it.
        long? customerKey = customer?.Id;
        if (customerKey is null && orderCustomer is { } orderCustomerKey)
        {
            if (session.Customers.IsErased((int)orderCustomerKey))
            {
                session.Skip(ImportMessages.SkipErasedCustomer);
                return;
            }
            customerKey = orderCustomerKey;
        }
        var date = session.Calendar.BusinessDateOf(row.Utc);
        session.Writer.Insert(new SurveyResponse
        {
            SourceId = row.ResponseId,
            CustomerId = (int?)customerKey,
            OrderId = orderKey,
            RespondedAtUtc = row.Utc,
            BusinessDate = date,
            BusinessMonth = BusinessCalendar.MonthKey(date),
            Kind = row.Kind ?? (row.OrderId is null ? SurveyKind.Relational : SurveyKind.Transactional),
            Channel = row.Channel,
            RecommendScore = row.Recommend,
            SatisfactionScore = row.Satisfaction,
            Comment = row.Comment,
            ImportBatchId = session.BatchId,
        });
        session.ResponsesCreated++;
        session.RowsImported++;
    }

}
