namespace CustomerInsight.Core.Importing.Reading;

/// <summary>Rows of a CSV or a sheet, one at a time: the header (row 1), then data rows as strings.</summary>
internal abstract class TabularReader : IDisposable
{
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>The row number of the current row as the user sees it (header = 1).</summary>
    public abstract int Row { get; }

    public abstract int FieldCount { get; }

    /// <summary>The value of a field of the current row (empty when the row is shorter).</summary>
    public abstract string this[int index] { get; }

    /// <summary>Set when the current row is malformed beyond its values (bad quotes).</summary>
    public abstract string? RowProblem { get; }

    /// <summary>Share of the file read so far, when known.</summary>
    public abstract double? Fraction { get; }

    /// <summary>Moves to the next data row; false at the end.</summary>
    public abstract bool Read();

    public abstract void Dispose();
}
