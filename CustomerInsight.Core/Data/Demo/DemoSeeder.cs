using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Core.Data.Demo;

public sealed record DemoSeedResult(bool Seeded, int Customers, int Orders, int SurveyResponses, int Consents, int ChangeProjects);

/// <summary>Writes the demo company into an empty database, in one transaction.</summary>
public sealed class DemoSeeder(IDbContextFactory<InsightDbContext> contextFactory, BusinessCalendar calendar)
{
    /// <summary>True when the database holds no customer data and no change project.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return !await db.Customers.AnyAsync(cancellationToken)
            && !await db.Orders.AnyAsync(cancellationToken)
            && !await db.SurveyResponses.AnyAsync(cancellationToken)
            && !await db.ChangeProjects.AnyAsync(cancellationToken);
    }

    /// <summary>Seeds when the database is empty; otherwise writes nothing and returns <c>Seeded = false</c>.</summary>
    public async Task<DemoSeedResult> SeedIfEmptyAsync(int customerCount, CancellationToken cancellationToken = default)
    {
        if (!await IsEmptyAsync(cancellationToken))
        {
            return new DemoSeedResult(false, 0, 0, 0, 0, 0);
        }

        var company = new DemoCompanyGenerator(calendar).Generate(customerCount);
        var projects = DemoOmocProjects.Create();

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (var writer = await BulkWriter.BeginAsync(db, cancellationToken))
        {
            foreach (var customer in company.Customers)
            {
                writer.Insert(customer);
            }
            foreach (var record in company.DuplicateRecords)
            {
                writer.Insert(record);
            }
            await ProductCatalogue.WriteOrdersAsync(writer, company.Orders, cancellationToken);
            foreach (var response in company.SurveyResponses)
            {
                writer.Insert(response);
            }
            foreach (var consent in company.Consents)
            {
                writer.Insert(consent);
            }
            await writer.FlushAsync(cancellationToken);
            db.ChangeProjects.AddRange(projects);
            db.PlanActions.AddRange(DemoOmocProjects.PlanActions(projects));
            await db.SaveChangesAsync(cancellationToken);
            await SalesSummaries.RebuildAsync(db, cancellationToken);
            // Nodes already running on this database reload their pages (no notifier here: every node hears it).
            await DataChangeCommits.SignalChangeAsync(null, db, cancellationToken);
            await writer.CommitAsync(cancellationToken);
        }

        return new DemoSeedResult(true, company.Customers.Count, company.Orders.Count, company.SurveyResponses.Count, company.Consents.Count,
            projects.Count);
    }
}
