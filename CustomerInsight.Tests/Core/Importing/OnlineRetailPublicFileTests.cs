using System.Globalization;
using System.IO.Compression;
using CustomerInsight.Core.Importing;
using CustomerInsight.Core.Sales;
using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// The public UCI file, imported for real. Expected figures are computed here from the raw text with
/// plain LINQ (independently of the pipeline) and checked against ../shared/data/README.md facts:
/// 541,909 rows, 5,268 exact duplicate rows, 3 rows with an A invoice, 3,836 cancellation invoices,
/// 4,372 customers, 135,080 rows without a customer.
/// </summary>
public sealed class OnlineRetailPublicFileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record RawRow(string Invoice, string Quantity, string Price, string Customer);

    [Fact]
    public async Task ImportAsync_PublicFile_MatchesIndependentCountsAndReimportChangesNothing()
    {
        var path = TestFiles.OnlineRetail();
        if (path is null)
        {
            Assert.Skip("../shared/data/online_retail.csv.gz (beside the repository) is absent: the public-file test needs it.");
        }

        // Independent expectations from the raw lines.
        var lines = ReadLines(path).Skip(1).ToList();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<RawRow>();
        foreach (var line in lines)
        {
            if (distinct.Add(line))
            {
                var f = Split(line);
                kept.Add(new RawRow(f[0], f[3], f[5], f[6]));
            }
        }
        var duplicates = lines.Count - kept.Count;
        var adjustmentRows = kept.Count(r => r.Invoice.StartsWith('A'));
        var invoices = kept.Where(r => !r.Invoice.StartsWith('A')).GroupBy(r => r.Invoice)
            .Select(g => (Invoice: g.Key, Rows: g.Count(), Anonymous: g.Count(r => r.Customer.Length == 0),
                Amount: g.Sum(r => int.Parse(r.Quantity, CultureInfo.InvariantCulture) * decimal.Parse(r.Price, CultureInfo.InvariantCulture))))
            .ToList();
        var nonPositiveSales = invoices.Where(i => !i.Invoice.StartsWith('C') && i.Amount <= 0).ToList();
        var imported = invoices.Except(nonPositiveSales).ToList();
        var customers = lines.Select(Split).Select(f => f[6]).Where(c => c.Length > 0).Distinct().Count();

        Assert.Equal(541_909, lines.Count);
        Assert.Equal(5_268, duplicates);
        Assert.Equal(3, adjustmentRows);
        Assert.Equal(3_836, imported.Count(i => i.Invoice.StartsWith('C')));
        Assert.Equal(4_372, customers);
        Assert.Equal(135_080, lines.Count(l => Split(l)[6].Length == 0));

        await using var context = await ImportTestContext.CreateAsync();
        var report = await context.ImportAsync(path, ImportFormat.OnlineRetail, Ct);

        Assert.True(report.Succeeded, string.Join("; ", report.Rejected.Select(r => $"{r.Row} {r.Column} {r.Text}")));
        Assert.Equal(lines.Count, report.RowsRead);
        Assert.Equal(duplicates, report.DuplicateRows);
        Assert.Equal(adjustmentRows, report.Skipped[ImportMessages.SkipAdjustment]);
        Assert.Equal(nonPositiveSales.Sum(i => i.Rows), report.Skipped[ImportMessages.SkipZeroOrNegative]);
        Assert.Equal(imported.Sum(i => i.Rows), report.RowsImported);
        Assert.Equal(report.RowsRead, report.RowsImported + report.DuplicateRows + report.Skipped.Values.Sum());
        Assert.Equal(imported.Count, report.Orders.Created);
        Assert.Equal(customers, report.Customers.Created);

        await using (var db = context.Database.CreateContext())
        {
            Assert.Equal(imported.Count, await db.Orders.CountAsync(Ct));
            Assert.Equal(3_836, await db.Orders.CountAsync(o => o.Kind == OrderKind.Cancellation, Ct));
            Assert.Equal(imported.Sum(i => i.Rows), await db.OrderLines.CountAsync(Ct));
            Assert.Equal(imported.Sum(i => i.Anonymous), await db.OrderLines.CountAsync(l => l.Order!.CustomerId == null, Ct));
            Assert.Equal(customers, await db.Customers.CountAsync(Ct));
            var totalMilli = await db.Orders.SumAsync(o => o.AmountMilli, Ct);
            Assert.Equal(imported.Sum(i => i.Amount), Money.FromMilli(totalMilli));
            // Order time = earliest line, in the business zone: the first invoice of the file, 2010-12-01 08:26 Paris.
            var first = await db.Orders.SingleAsync(o => o.SourceOrderId == "536365", Ct);
            Assert.Equal(new DateTime(2010, 12, 1, 7, 26, 0), first.OrderedAtUtc);
            Assert.Equal(new DateOnly(2010, 12, 1), first.BusinessDate);
        }

        var before = await context.CountAsync();
        var again = await context.ImportAsync(path, ImportFormat.OnlineRetail, Ct);
        var after = await context.CountAsync();

        Assert.True(again.Succeeded);
        Assert.Equal(0, again.RowsImported);
        Assert.Equal(0, again.Orders.Created);
        Assert.Equal(0, again.Customers.Created);
        // Imported invoices are now "already imported"; the zero-total ones are still skipped as such (never stored).
        Assert.Equal(nonPositiveSales.Sum(i => i.Rows), again.Skipped[ImportMessages.SkipZeroOrNegative]);
        Assert.Equal(lines.Count, again.Skipped.Values.Sum() + again.DuplicateRows);
        Assert.True(again.Skipped[ImportMessages.SkipAlreadyImported] >= imported.Sum(i => i.Rows));
        Assert.Equal(before.Data, after.Data);
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>RFC 4180 split of one line (the README says no field holds a line break).</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }
}
