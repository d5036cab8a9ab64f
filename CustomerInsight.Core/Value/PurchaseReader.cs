using CustomerInsight.Core.Data;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Value;

/// <summary>What a fit reads: every customer's history up to the calibration end and their purchases in the holdout weeks after it.</summary>
/// <param name="Histories">In customer id order.</param>
/// <param name="HoldoutPerWeek">Purchases (distinct customer days) of those customers in each whole week after the calibration end.</param>
public sealed record PurchaseReading(List<PurchaseHistory> Histories, int[] HoldoutPerWeek);

/// <summary>
/// Reads the sale orders of the customers with a purchase on or before the calibration end in one pass, in (customer, date) order:
/// per customer of the sales summary whose first sale is on or before it (<see cref="CustomerSales"/>, kept equal to the orders),
/// their sale orders up to the end of the holdout weeks through the covering index IX_Orders_Customer, one index range per
/// customer and no sort. Each order is folded as it comes (<see cref="PurchaseHistoryFolder"/>; same-day orders are one purchase),
/// nothing per order is kept. Standard SQL, with the day number and the join order of the engine (<see cref="DatabaseProvider"/>).
/// </summary>
internal static class PurchaseReader
{
    public static async Task<PurchaseReading> ReadAsync(InsightDbContext db, DateOnly calibrationEnd, int holdoutWeeks,
        CancellationToken cancellationToken)
    {
        var provider = DatabaseProvider.Of(db.Database);
        var histories = new List<PurchaseHistory>();
        var holdout = new int[holdoutWeeks];
        var folder = new PurchaseHistoryFolder(calibrationEnd);
        var endDay = calibrationEnd.DayNumber;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT c."CustomerId", {provider.DayNumber("o.\"BusinessDate\"")}, o."AmountMilli"
                FROM "CustomerSales" AS c {provider.OuterLoopJoin} "Orders" AS o ON o."CustomerId" = c."CustomerId"
                WHERE c."FirstSaleDate" <= @end AND o."Kind" = @sale AND o."BusinessDate" <= @last
                ORDER BY c."CustomerId", o."BusinessDate"
                """;
            command.AddParameter("@end", calibrationEnd);
            command.AddParameter("@sale", (int)OrderKind.Sale);
            command.AddParameter("@last", calibrationEnd.AddDays(7 * holdoutWeeks));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            int previousCustomer = -1, previousDay = -1;
            while (await reader.ReadAsync(cancellationToken))
            {
                var customer = reader.GetInt32(0);
                var day = reader.GetInt32(1);
                if (day > endDay)
                {
                    if (customer != previousCustomer || day != previousDay)
                    {
                        holdout[(day - endDay - 1) / 7]++;
                    }
                }
                else if (folder.Add(customer, DateOnly.FromDayNumber(day), reader.GetInt64(2)) is { } done)
                {
                    histories.Add(done);
                }
                previousCustomer = customer;
                previousDay = day;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (folder.Finish() is { } last)
        {
            histories.Add(last);
        }
        return new PurchaseReading(histories, holdout);
    }
}
