using System.Buffers.Binary;
using System.Text;

namespace CustomerInsight.Core.Data;

/// <summary>
/// Rows in PostgreSQL's binary COPY format (the <c>COPY</c> page of its manual, "Binary Format"): a signature and two 32-bit
/// words (flags, header extension: 0), then per row a 16-bit field count and per field a 32-bit length (-1: NULL) and the value
/// in its type's binary form, then a 16-bit -1. Numbers in network byte order; texts in UTF-8 (the session's client encoding,
/// which Npgsql sets); dates as days since 2000-01-01; timestamps (with or without time zone) as microseconds since
/// 2000-01-01 00:00, the app's instants being UTC. Rows are encoded into one buffer, handed out in pieces of about
/// <see cref="PieceBytes"/> for the COPY stream.
/// </summary>
internal sealed class PostgresBinaryCopyFormat(IReadOnlyList<CopyColumnType> types)
{
    public const int PieceBytes = 1 << 16;

    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1).Ticks;
    // As Npgsql: a string that is not valid UTF-16 (a lone surrogate) is refused rather than changed.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly CopyColumnType[] columns = [.. types];
    private byte[] buffer = new byte[PieceBytes + 1024];
    private int length;
    private bool started;

    /// <summary>The bytes of the last <see cref="Encode"/> or <see cref="End"/>.</summary>
    public ReadOnlyMemory<byte> Encoded => buffer.AsMemory(0, length);

    /// <summary>
    /// Encodes the rows of <paramref name="cells"/> from index <paramref name="from"/> (one cell per column, row after row) up to
    /// <paramref name="to"/>, stopping once about <see cref="PieceBytes"/> are encoded (the header first, the first time).
    /// Returns the index of the first cell not encoded (<paramref name="to"/> when every row is).
    /// </summary>
    public int Encode(CopyCell[] cells, int from, int to)
    {
        length = 0;
        Start();
        var next = from;
        while (next < to && length < PieceBytes)
        {
            Ensure(2);
            BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), (short)columns.Length);
            length += 2;
            for (var i = 0; i < columns.Length; i++)
            {
                Field(cells[next + i], columns[i]);
            }
            next += columns.Length;
        }
        return next;
    }

    /// <summary>The trailer that ends the data (after the header if no row was encoded).</summary>
    public ReadOnlyMemory<byte> End()
    {
        length = 0;
        Start();
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), -1);
        length += 2;
        return Encoded;
    }

    private void Start()
    {
        if (started)
        {
            return;
        }
        started = true;
        Signature.CopyTo(buffer, 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(Signature.Length), 0);
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(Signature.Length + 4), 0);
        length = Signature.Length + 8;
    }

    private void Field(in CopyCell cell, CopyColumnType type)
    {
        switch (cell.Kind, type)
        {
            case (CopyCellKind.Null, _):
                Length(-1);
                break;
            case (CopyCellKind.Number, CopyColumnType.Int64):
                Length(8);
                BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length), cell.Number);
                length += 8;
                break;
            case (CopyCellKind.Number, CopyColumnType.Int32):
                Length(4);
                BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), checked((int)cell.Number));
                length += 4;
                break;
            case (CopyCellKind.Number, CopyColumnType.Int16):
                Length(2);
                BinaryPrimitives.WriteInt16BigEndian(buffer.AsSpan(length), checked((short)cell.Number));
                length += 2;
                break;
            case (CopyCellKind.Number, CopyColumnType.Boolean):
                Length(1);
                buffer[length++] = cell.Number != 0 ? (byte)1 : (byte)0;
                break;
            case (CopyCellKind.Date, CopyColumnType.Date):
                Length(4);
                BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), checked((int)(cell.Number - EpochDay)));
                length += 4;
                break;
            case (CopyCellKind.Instant, CopyColumnType.Timestamp):
                Length(8);
                BinaryPrimitives.WriteInt64BigEndian(buffer.AsSpan(length), (cell.Number - EpochTicks) / TimeSpan.TicksPerMicrosecond);
                length += 8;
                break;
            case (CopyCellKind.Text, CopyColumnType.Text):
                Text((string)cell.Reference!);
                break;
            case (CopyCellKind.Bytes, CopyColumnType.Text or CopyColumnType.Bytea):
                Bytes((byte[])cell.Reference!);
                break;
            default:
                // A value of another kind than its column's (an integer for a text column, a boolean…): as its column's type
                // wants it, a kind the column takes.
                Field(CopyCell.As(Boxed(cell), type), type);
                break;
        }
    }

    private static object? Boxed(in CopyCell cell) => cell.Kind switch
    {
        CopyCellKind.Number => cell.Number,
        CopyCellKind.Instant => new DateTime(cell.Number, DateTimeKind.Unspecified),
        CopyCellKind.Date => DateOnly.FromDayNumber((int)cell.Number),
        _ => cell.Reference,
    };

    /// <summary>A field's length, with room for its value (<paramref name="bytes"/>; none for NULL).</summary>
    private void Length(int bytes)
    {
        Ensure(4 + Math.Max(bytes, 0));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), bytes);
        length += 4;
    }

    private void Text(string text)
    {
        Ensure(4 + StrictUtf8.GetMaxByteCount(text.Length));
        var written = StrictUtf8.GetBytes(text, buffer.AsSpan(length + 4));
        BinaryPrimitives.WriteInt32BigEndian(buffer.AsSpan(length), written);
        length += 4 + written;
    }

    private void Bytes(byte[] bytes)
    {
        Length(bytes.Length);
        bytes.CopyTo(buffer, length);
        length += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + bytes));
        }
    }
}
