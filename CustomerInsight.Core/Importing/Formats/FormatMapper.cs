using CustomerInsight.Core.Importing.Reading;

namespace CustomerInsight.Core.Importing.Formats;

/// <summary>One format: its columns, what it loads before reading, what it does with each row, and its writes.</summary>
internal abstract class FormatMapper
{
    public abstract ImportFormat Format { get; }

    public abstract IReadOnlyList<ColumnDef> Columns { get; }

    /// <summary>Header rules beyond required columns.</summary>
    public virtual IEnumerable<ImportIssue> CheckHeader(ColumnMap map) => [];

    public abstract Task PrepareAsync(ImportSession session, CancellationToken cancellationToken);

    public abstract void ReadRow(RowContext row);

    /// <summary>Checks that need the whole file, then (when nothing was rejected) the remaining writes.</summary>
    public abstract Task FinishAsync(ImportSession session, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);

    public static FormatMapper Create(ImportFormat format) => format switch
    {
        ImportFormat.OnlineRetail => new OnlineRetailMapper(),
        ImportFormat.Customers => new CustomersMapper(),
        ImportFormat.OrderLines => new OrderLinesMapper(),
        ImportFormat.Surveys => new SurveysMapper(),
        ImportFormat.Consents => new ConsentsMapper(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
