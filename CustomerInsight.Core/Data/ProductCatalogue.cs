using CustomerInsight.Core.Sales;

namespace CustomerInsight.Core.Data;

/// <summary>
/// The product catalogue as one write transaction sees it: the entries already in the database, found by code and description,
/// and the entries it adds (new ids after the largest one), which <see cref="WriteAdded"/> writes before the lines that refer to them.
/// The importer and the demo seeder write lines through it.
/// </summary>
public sealed class ProductCatalogue
{
    private readonly Dictionary<(string Code, string? Description), int> ids = [];
    private readonly List<Product> added = [];
    private int nextId;

    private ProductCatalogue()
    {
    }

    /// <summary>The entries in the database, read in the writer's transaction (a few thousand rows: the catalogue, not the lines).</summary>
    public static async Task<ProductCatalogue> LoadAsync(BulkWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var catalogue = new ProductCatalogue();
        await SqlReads.ForEachRowAsync(writer.Connection, writer.Transaction,
            "SELECT \"Id\", \"Code\", \"Description\" FROM \"Products\"", [],
            row => catalogue.ids.Add((row.Text(1)!, row.Text(2)), (int)row.Int64(0)), cancellationToken);
        catalogue.nextId = (int)await writer.NextIdAsync("Products", cancellationToken);
        return catalogue;
    }

    /// <summary>
    /// Writes orders whose lines name their entry by <see cref="OrderLine.Product"/> (code and description) rather than by id, as the
    /// demo company's do: each line gets the entry's id, the entries the database lacks are written first, then the orders.
    /// </summary>
    public static async Task WriteOrdersAsync(BulkWriter writer, IEnumerable<Order> orders, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var list = orders as IReadOnlyCollection<Order> ?? [.. orders];
        var catalogue = await LoadAsync(writer, cancellationToken);
        foreach (var line in list.SelectMany(o => o.Lines))
        {
            line.ProductId = catalogue.IdOf(line.Product!.Code, line.Product.Description);
        }
        catalogue.WriteAdded(writer);
        await writer.FlushAsync(cancellationToken);
        foreach (var order in list)
        {
            writer.Insert(order);
        }
    }

    /// <summary>The id of the entry with this code and description, added (to be written) when the database has none.</summary>
    public int IdOf(string code, string? description)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!ids.TryGetValue((code, description), out var id))
        {
            id = nextId++;
            ids.Add((code, description), id);
            added.Add(new Product { Id = id, Code = code, Description = description });
        }
        return id;
    }

    /// <summary>Writes the entries added since the last call.</summary>
    public void WriteAdded(BulkWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var product in added)
        {
            writer.Insert(product);
        }
        added.Clear();
    }
}
