using System.IO.Compression;
using System.Text;

namespace CustomerInsight.Core.Importing.Generation;

/// <summary>
/// Writes a UTF-8 CSV file (no BOM, <c>\n</c> line ends) straight into gzip, formatting numbers and dates as
/// bytes in a buffer: no string per field. Texts are pre-encoded by the caller (<see cref="Encode"/>) when
/// they repeat. Fields are quoted only when they hold a comma, a quote or a line break.
/// </summary>
internal sealed class CsvGzipWriter : IDisposable
{
    private readonly FileStream file;
    private readonly GZipStream gzip;
    private readonly byte[] buffer = new byte[1 << 16];
    private int length;
    private bool fieldStarted;

    public CsvGzipWriter(string path)
    {
        file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        gzip = new GZipStream(file, CompressionLevel.Fastest);
    }

    /// <summary>A text as CSV field bytes (quoted and escaped when it needs to be).</summary>
    public static byte[] Encode(string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return Encoding.UTF8.GetBytes(text);
        }
        return Encoding.UTF8.GetBytes("\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
    }

    public void Header(params string[] names)
    {
        foreach (var name in names)
        {
            Field(Encode(name));
        }
        EndRow();
    }

    public void Field(ReadOnlySpan<byte> encoded)
    {
        Separator();
        Ensure(encoded.Length);
        encoded.CopyTo(buffer.AsSpan(length));
        length += encoded.Length;
    }

    /// <summary>An ASCII text the caller knows needs no quoting (ids, codes).</summary>
    public void Ascii(string text)
    {
        Separator();
        Ensure(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            buffer[length++] = (byte)text[i];
        }
    }

    /// <summary>A prefix and a zero-padded number, e.g. <c>C0001234</c>.</summary>
    public void Id(byte prefix, long number, int digits)
    {
        Separator();
        Ensure(digits + 21);
        buffer[length++] = prefix;
        Digits(number, digits);
    }

    public void Empty() => Separator();

    public void Number(long value)
    {
        Separator();
        Ensure(21);
        if (value < 0)
        {
            buffer[length++] = (byte)'-';
            value = -value;
        }
        Digits(value, 1);
    }

    /// <summary>Cents as a decimal with two digits: <c>449.90</c>.</summary>
    public void Cents(long cents)
    {
        Separator();
        Ensure(24);
        Digits(cents / 100, 1);
        buffer[length++] = (byte)'.';
        Digits(cents % 100, 2);
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> (no zone: a local time of the business zone, as the import reads it).</summary>
    public void DateTime(DateTime value)
    {
        Separator();
        Ensure(19);
        Digits(value.Year, 4);
        buffer[length++] = (byte)'-';
        Digits(value.Month, 2);
        buffer[length++] = (byte)'-';
        Digits(value.Day, 2);
        buffer[length++] = (byte)' ';
        Digits(value.Hour, 2);
        buffer[length++] = (byte)':';
        Digits(value.Minute, 2);
        buffer[length++] = (byte)':';
        Digits(value.Second, 2);
    }

    public void EndRow()
    {
        Ensure(1);
        buffer[length++] = (byte)'\n';
        fieldStarted = false;
    }

    public void Dispose()
    {
        gzip.Write(buffer, 0, length);
        length = 0;
        gzip.Dispose();
        file.Dispose();
    }

    private void Separator()
    {
        if (fieldStarted)
        {
            Ensure(1);
            buffer[length++] = (byte)',';
        }
        fieldStarted = true;
    }

    private void Digits(long value, int minDigits)
    {
        Span<byte> scratch = stackalloc byte[20];
        var n = 0;
        do
        {
            scratch[n++] = (byte)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value > 0);
        for (var pad = n; pad < minDigits; pad++)
        {
            buffer[length++] = (byte)'0';
        }
        while (n > 0)
        {
            buffer[length++] = scratch[--n];
        }
    }

    private void Ensure(int bytes)
    {
        if (length + bytes > buffer.Length)
        {
            gzip.Write(buffer, 0, length);
            length = 0;
            if (bytes > buffer.Length)
            {
                throw new InvalidOperationException("CSV field larger than the write buffer.");
            }
        }
    }
}
