namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The bytes of PostgreSQL's binary COPY format as its manual lays them out (signature, flags, header extension; per row the
/// field count, then each field's length and value in network byte order; -1 at the end). PostgreSQL itself reads them back in
/// <see cref="BulkWriterOnPostgresTests"/>.
/// </summary>
public sealed class PostgresBinaryCopyFormatTests
{
    private static readonly byte[] Header = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private static byte[] EncodeAll(CopyColumnType[] types, CopyCell[] cells)
    {
        var format = new PostgresBinaryCopyFormat(types);
        var bytes = new List<byte>();
        for (var next = 0; next < cells.Length;)
        {
            next = format.Encode(cells, next, cells.Length);
            bytes.AddRange(format.Encoded.ToArray());
        }
        bytes.AddRange(format.End().ToArray());
        return [.. bytes];
    }

    [Fact]
    public void Encode_OneRowOfEveryType_TheManualsLayoutInNetworkByteOrder()
    {
        CopyColumnType[] types =
        [
            CopyColumnType.Int64, CopyColumnType.Int32, CopyColumnType.Int16, CopyColumnType.Boolean, CopyColumnType.Date,
            CopyColumnType.Timestamp, CopyColumnType.Text, CopyColumnType.Text, CopyColumnType.Bytea, CopyColumnType.Text,
        ];
        CopyCell[] row =
        [
            CopyCell.OfNumber(1),
            CopyCell.OfNumber(-2),
            CopyCell.OfNumber(3),
            CopyCell.OfNumber(1),
            CopyCell.OfDate(new DateOnly(2000, 1, 2)),
            // One second and one microsecond after PostgreSQL's epoch; the tenth of a microsecond is not kept.
            CopyCell.OfInstant(new DateTime(2000, 1, 1, 0, 0, 1, DateTimeKind.Utc).AddTicks(15)),
            CopyCell.OfText("é"),
            CopyCell.OfBytes("Ab"u8.ToArray()),
            CopyCell.OfBytes([0x00, 0xFF]),
            default,
        ];

        byte[] expected =
        [
            .. Header,
            0x00, 0x0A,
            0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1,
            0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFE,
            0, 0, 0, 2, 0, 3,
            0, 0, 0, 1, 1,
            0, 0, 0, 4, 0, 0, 0, 1,
            0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0F, 0x42, 0x41,
            0, 0, 0, 2, 0xC3, 0xA9,
            0, 0, 0, 2, (byte)'A', (byte)'b',
            0, 0, 0, 2, 0x00, 0xFF,
            0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF,
        ];
        Assert.Equal(expected, EncodeAll(types, row));
    }

    [Fact]
    public void Encode_BeforeTheEpochAndOutOfRange_NegativeDaysAndMicroseconds_AnIntegerTooLargeForItsColumnIsRefused()
    {
        var bytes = EncodeAll([CopyColumnType.Date, CopyColumnType.Timestamp],
            [CopyCell.OfDate(new DateOnly(1999, 12, 31)), CopyCell.OfInstant(new DateTime(1999, 12, 31, 23, 59, 59))]);
        Assert.Equal([0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xF0, 0xBD, 0xC0],
            bytes[(Header.Length + 2)..^2]);

        Assert.Throws<OverflowException>(() => EncodeAll([CopyColumnType.Int32], [CopyCell.OfNumber(int.MaxValue + 1L)]));
        Assert.Throws<OverflowException>(() => EncodeAll([CopyColumnType.Int16], [CopyCell.OfNumber(short.MinValue - 1)]));
    }

    [Fact]
    public void Encode_AValueOfAnotherKindThanItsColumn_ConvertedAsTheColumnWantsIt()
    {
        // An integer for a text column, a text for an integer column, an instant for a date column, boxed values as an
        // insert of any row gives them.
        var bytes = EncodeAll([CopyColumnType.Text, CopyColumnType.Int32, CopyColumnType.Date, CopyColumnType.Boolean],
        [
            CopyCell.OfNumber(42),
            CopyCell.OfText("7"),
            CopyCell.OfInstant(new DateTime(2000, 1, 3, 10, 0, 0)),
            CopyCell.Of(true),
        ]);
        Assert.Equal([0, 0, 0, 2, (byte)'4', (byte)'2', 0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 1, 1],
            bytes[(Header.Length + 2)..^2]);
        // An enumeration for an integer column, a boolean for a text column (as Convert writes it).
        Assert.Equal([0, 0, 0, 4, 0, 0, 0, 2, 0, 0, 0, 4, (byte)'T', (byte)'r', (byte)'u', (byte)'e'],
            EncodeAll([CopyColumnType.Int32, CopyColumnType.Text], [CopyCell.Of(DayOfWeek.Tuesday), CopyCell.Of(true)])[(Header.Length + 2)..^2]);
        Assert.Equal(CopyCell.OfNumber(5), CopyCell.Of((short)5));
        Assert.Equal(CopyCell.OfNumber(5), CopyCell.As((byte)5, CopyColumnType.Int64));
        Assert.Equal(CopyCell.OfDate(new DateOnly(2024, 2, 29)), CopyCell.As(new DateTime(2024, 2, 29, 13, 0, 0), CopyColumnType.Date));
        Assert.Equal(default, CopyCell.Of(DBNull.Value));
        Assert.Equal(default, CopyCell.As(null, CopyColumnType.Text));
    }

    [Fact]
    public void Encode_RowsBeyondOnePiece_HandedOutInPiecesThatJoinToTheWholeRowsInOrder()
    {
        // 20,000 rows of one field: 14 bytes with a number (count, length, value), 6 with a NULL; about 200 kB, several pieces.
        var cells = new CopyCell[20_000];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = i % 2 == 0 ? CopyCell.OfNumber(i) : default;
        }
        var format = new PostgresBinaryCopyFormat([CopyColumnType.Int64]);
        var pieces = new List<byte[]>();
        for (var next = 0; next < cells.Length;)
        {
            var before = next;
            next = format.Encode(cells, next, cells.Length);
            Assert.True(next > before);
            pieces.Add(format.Encoded.ToArray());
        }
        Assert.True(pieces.Count > 1);
        Assert.All(pieces.SkipLast(1), p => Assert.InRange(p.Length, PostgresBinaryCopyFormat.PieceBytes, PostgresBinaryCopyFormat.PieceBytes + 14));

        var all = pieces.SelectMany(p => p).ToArray();
        Assert.Equal(Header, all[..Header.Length]);
        var position = Header.Length;
        for (var i = 0; i < cells.Length; i++)
        {
            Assert.Equal(1, System.Buffers.Binary.BinaryPrimitives.ReadInt16BigEndian(all.AsSpan(position)));
            var fieldLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(all.AsSpan(position + 2));
            position += 6;
            if (i % 2 == 0)
            {
                Assert.Equal(8, fieldLength);
                Assert.Equal(i, System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(all.AsSpan(position)));
                position += 8;
            }
            else
            {
                Assert.Equal(-1, fieldLength);
            }
        }
        Assert.Equal(all.Length, position);
        Assert.Equal([0xFF, 0xFF], format.End().ToArray());
    }
}
