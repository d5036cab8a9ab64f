using CustomerInsight.Core.Importing.Reading;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// The read-ahead reader (issue 18): the rows another reader gives, read on a thread of their own, come out the same and
/// in order, a file error in its place after the rows before it, and an import that stops early does not wait for the file.
/// </summary>
public sealed class ReadAheadReaderTests
{
    private static bool Short(int row) => ((uint)row * 2654435761u >> 16) % 3 == 0;

    /// <summary>Rows "r{row}-{field}", a problem on every seventh row, an error at <paramref name="failAt"/> (0: none).</summary>
    private sealed class CountingReader(int rows, int failAt = 0) : TabularReader
    {
        private int row = 1;

        public int ReadCalls { get; private set; }

        public bool Disposed { get; private set; }

        public override IReadOnlyList<string> Header { get; } = ["A", "B", "C"];

        public override int Row => row;

        // Some rows have a field fewer, in no period a batch's rows could repeat: the values come out per row, not per header.
        public override int FieldCount => Short(row) ? 2 : 3;

        public override string this[int index] => $"r{row}-{index}";

        public override RowProblem? RowProblem => row % 7 == 0 ? new RowProblem(ImportMessages.RowBadQuotes, -1) : null;

        public override double? Fraction => (double)row / (rows + 1);

        public override bool Read()
        {
            ReadCalls++;
            if (row - 1 >= rows)
            {
                return false;
            }
            row++;
            if (row == failAt)
            {
                throw ImportFileException.Create(row, null, ImportMessages.RowTooLong, "1");
            }
            return true;
        }

        public override void Dispose() => Disposed = true;
    }

    // About a hundred batches: those read through are filled again (their rows' arrays reused), none of their old values or
    // problems shows.
    [Fact]
    public void Read_ManyBatches_GivesEveryRowInOrderWithItsValuesAndProblem()
    {
        using var inner = new CountingReader(50_000);
        using var reader = new ReadAheadReader(inner);
        var expectedRow = 2;
        while (reader.Read())
        {
            Assert.Equal(expectedRow, reader.Row);
            Assert.Equal(Short(expectedRow) ? 2 : 3, reader.FieldCount);
            Assert.Equal($"r{expectedRow}-1", reader[1]);
            Assert.Equal(Short(expectedRow) ? string.Empty : $"r{expectedRow}-2", reader[2]);
            Assert.Equal(expectedRow % 7 == 0, reader.RowProblem is not null);
            expectedRow++;
        }
        Assert.Equal(50_002, expectedRow);
        Assert.Equal(["A", "B", "C"], reader.Header);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_InnerReaderFailsAtARow_RowsBeforeItComeFirstThenItsError()
    {
        using var inner = new CountingReader(5_000, failAt: 1_500);
        using var reader = new ReadAheadReader(inner);
        var rows = new List<int>();
        var error = Assert.Throws<ImportFileException>(() =>
        {
            while (reader.Read())
            {
                rows.Add(reader.Row);
            }
        });
        Assert.Equal(1_500, error.Issue.Row);
        Assert.Equal(Enumerable.Range(2, 1_498), rows);
    }

    [Fact]
    public void Dispose_AfterAFewRows_StopsReadingAndLeavesTheInnerReaderToItsOwner()
    {
        using var inner = new CountingReader(10_000_000);
        using (var reader = new ReadAheadReader(inner))
        {
            Assert.True(reader.Read());
            Assert.Equal(2, reader.Row);
        }
        // Bounded: the batches waiting and the one being filled, never the whole file.
        Assert.InRange(inner.ReadCalls, 1, (ReadAheadReader.MaxBatches + 3) * ReadAheadReader.BatchRows);
        Assert.False(inner.Disposed);
    }
}
