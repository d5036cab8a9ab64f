namespace CustomerInsight.Core.Importing.Reading;

/// <summary>A problem of the current row found while reading it (before its values are mapped): a code of
/// <see cref="ImportMessages"/>, the field it is in (-1: the whole row) and the message's arguments.</summary>
internal sealed record RowProblem(string Code, int Field, params string[] Args);

/// <summary>
/// Rows of a CSV or a sheet, one at a time: the header (row 1), then data rows as strings. Rows are numbered as a
/// spreadsheet shows them: the header is row 1, the first data row row 2, an empty row still counts, and a CSV value
/// with a line break inside quotes stays in its row.
/// </summary>
internal abstract class TabularReader : IDisposable
{
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>The row number of the current row as the user sees it in a spreadsheet (header = 1).</summary>
    public abstract int Row { get; }

    public abstract int FieldCount { get; }

    /// <summary>
    /// The number of values of the current row including those beyond the header's columns (a spreadsheet's cells in
    /// columns without a name are not part of <see cref="FieldCount"/>): to find a header row lower down.
    /// </summary>
    public virtual int RawFieldCount => FieldCount;

    /// <summary>The value of a field of the current row (empty when the row is shorter).</summary>
    public abstract string this[int index] { get; }

    /// <summary>Set when the current row is malformed beyond its values (bad quotes, a control character).</summary>
    public abstract RowProblem? RowProblem { get; }

    /// <summary>Share of the file read so far, when known.</summary>
    public abstract double? Fraction { get; }

    /// <summary>Moves to the next data row (rows with no value are passed over); false at the end.</summary>
    public abstract bool Read();

    public abstract void Dispose();

    /// <summary>The first value holding a control character (NUL, escape…): such text is not typed, it is a damaged file.</summary>
    protected static RowProblem? FindControlCharacter(IReadOnlyList<string> values, int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (Core.Text.VisibleText.IndexOfControl(values[i]) is var at and >= 0)
            {
                return new RowProblem(ImportMessages.ValueControl, i, Core.Text.VisibleText.CodePoint(values[i][at]));
            }
        }
        return null;
    }
}
