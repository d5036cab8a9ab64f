using CustomerInsight.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Sales;

/// <summary>Net revenue, orders and customers of one month.</summary>
public sealed record MonthlyOverview(DateOnly Month, int SaleOrders, decimal NetRevenue, int ActiveCustomers);

/// <summary>The size of the database and its last twelve months, for the home page.</summary>
public sealed record Overview(int Customers, int SaleOrders, DateOnly? LatestSaleDate, IReadOnlyList<MonthlyOverview> LastTwelveMonths);

/// <summary>Set-based reads of the whole-base overview.</summary>
public sealed class OverviewQueries(IDbContextFactory<InsightDbContext> contextFactory)
{
    public async Task<Overview> GetAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers.CountAsync(cancellationToken);
        var saleOrders = await db.Orders.CountAsync(o => o.Kind == OrderKind.Sale, cancellationToken);
        var latest = await db.Orders.Where(o => o.Kind == OrderKind.Sale)
            .MaxAsync(o => (DateOnly?)o.BusinessDate, cancellationToken);
        if (latest is null)
        {
            return new Overview(customers, saleOrders, null, []);
        }

        var firstMonth = new DateOnly(latest.Value.Year, latest.Value.Month, 1).AddMonths(-11);
        var fromKey = BusinessCalendar.MonthKey(firstMonth);
        var rows = await db.Orders.AsNoTracking()
            .Where(o => o.BusinessMonth >= fromKey)
            .GroupBy(o => o.BusinessMonth)
            .Select(g => new
            {
                Month = g.Key,
                Orders = g.Count(o => o.Kind == OrderKind.Sale),
                NetMilli = g.Sum(o => o.AmountMilli),
                Active = g.Where(o => o.Kind == OrderKind.Sale && o.CustomerId != null).Select(o => o.CustomerId).Distinct().Count(),
            })
            .ToListAsync(cancellationToken);
        var byMonth = rows.ToDictionary(r => r.Month);
        var months = Enumerable.Range(0, 12).Select(i =>
        {
            var month = firstMonth.AddMonths(i);
            return byMonth.TryGetValue(BusinessCalendar.MonthKey(month), out var r)
                ? new MonthlyOverview(month, r.Orders, Money.FromMilli(r.NetMilli), r.Active)
                : new MonthlyOverview(month, 0, 0m, 0);
        }).ToList();
        return new Overview(customers, saleOrders, latest, months);
    }
}
