using System.Data.Common;
using CustomerInsight.Core.Analytics;
using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Sales;

/// <summary>
/// Fills a <see cref="CustomerActivityTally"/>: the customer × year rows up to its last year, then the identified sale
/// orders of its edge days (two reads in key order, standard SQL on both engines; a customer set as one parameter,
/// <see cref="DatabaseProvider.InIdSet"/>).
/// </summary>
internal static class CustomerActivityReader
{
    public static async Task ReadAsync(InsightDbContext db, CustomerActivityTally tally, int[]? customerIds, CancellationToken cancellationToken)
    {
        var provider = DatabaseProvider.Of(db.Database);
        var inIds = customerIds is null ? "" : "AND " + provider.InIdSet("\"CustomerId\"", "@ids");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var years = connection.CreateCommand())
            {
                years.CommandText = $"""
                    SELECT "CustomerId", "Year", "Months", "RepeatMonths", "ChannelMonths", "ChannelRepeatMonths"
                    FROM "CustomerYears" WHERE "Year" <= @last AND "Year" >= @first {inIds}
                    """;
                Add(years, "@last", tally.LastYear);
                Add(years, "@first", tally.FirstYear ?? int.MinValue);
                AddIds(years);
                await using var reader = await years.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tally.AddYear(
                        reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5));
                }
            }
            foreach (var (from, to) in tally.EdgeDays())
            {
                await using var orders = connection.CreateCommand();
                orders.CommandText = $"""
                    SELECT "CustomerId", "BusinessDate", "Channel" FROM "Orders"
                    WHERE "BusinessDate" >= @from AND "BusinessDate" < @to AND "Kind" = @sale AND "CustomerId" IS NOT NULL {inIds}
                    """;
                Add(orders, "@from", from);
                Add(orders, "@to", to);
                Add(orders, "@sale", (int)OrderKind.Sale);
                AddIds(orders);
                await using var reader = await orders.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    tally.AddOrder(reader.GetInt32(0), reader.GetFieldValue<DateOnly>(1), (Channel)reader.GetInt32(2));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        void AddIds(DbCommand command)
        {
            if (customerIds is not null)
            {
                Add(command, "@ids", provider.IdSetValue(customerIds));
            }
        }
    }

    /// <summary>Adds a named parameter.</summary>
    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
