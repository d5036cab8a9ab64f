using System.IO.Compression;
using System.Text;

namespace CustomerInsight.Core.Importing.Reading;

public enum ImportFileKind
{
    Csv,
    CsvGzip,
    Xlsx,
}

/// <summary>
/// What the file is: its container (by content, not by name), its text encoding and separator.
/// <paramref name="EncodingSettled"/> is false when the start of the file is plain ASCII: the reader settles the
/// encoding on the first record with accents.
/// </summary>
internal sealed record FileShape(ImportFileKind Kind, Encoding? Encoding, char? Separator, bool EncodingSettled = true);

/// <summary>Detects the container, encoding and separator from the first bytes of a file (the reader checks every record after).</summary>
internal static class FileSniffer
{
    private const int SampleBytes = 1 << 20;

    public static Encoding Windows1252 { get; } = GetWindows1252();

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static FileShape Detect(string path)
    {
        Span<byte> magic = stackalloc byte[8];
        int magicLength;
        using (var probe = File.OpenRead(path))
        {
            magicLength = probe.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        }
        magic = magic[..magicLength];
        if (magicLength == 0)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileEmpty);
        }
        if (magic.StartsWith("PK\u0003\u0004"u8))
        {
            return new FileShape(ImportFileKind.Xlsx, null, null);
        }
        if (magic.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileOldExcel);
        }
        var kind = magic.StartsWith(new byte[] { 0x1F, 0x8B }) ? ImportFileKind.CsvGzip : ImportFileKind.Csv;

        var sample = new byte[SampleBytes];
        int length;
        try
        {
            using var content = OpenText(path, kind);
            length = content.ReadAtLeast(sample, sample.Length, throwOnEndOfStream: false);
        }
        catch (InvalidDataException ex)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileUnreadable, ex.Message);
        }
        var bytes = sample.AsSpan(0, length);
        var bom = bytes.StartsWith(Encoding.UTF8.Preamble);
        if (bom)
        {
            bytes = bytes[3..];
        }
        if (bytes.IsEmpty || bytes.IndexOfAnyExcept(" \r\n\t"u8) < 0)
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileEmpty);
        }
        if (LooksBinary(bytes))
        {
            throw ImportFileException.Create(1, null, ImportMessages.FileBinary);
        }
        var ascii = !bom && bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0;
        var encoding = IsUtf8(bytes, length == SampleBytes) ? (Encoding)new UTF8Encoding(false) : Windows1252;
        return new FileShape(kind, encoding, DetectSeparator(bytes), EncodingSettled: !ascii);
    }

    /// <summary>The file's bytes, unpacked when it is gzip.</summary>
    public static Stream OpenText(string path, ImportFileKind kind)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return kind == ImportFileKind.CsvGzip ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>NUL bytes never appear in a CSV (UTF-16 files have them too); other control characters are rare.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Contains((byte)0))
        {
            return true;
        }
        var control = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t'))
            {
                control++;
            }
        }
        return control > bytes.Length / 100;
    }

    /// <summary>Strict UTF-8 decoding of the sample; an incomplete sequence at a cut sample end is not an error.</summary>
    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool truncated)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[bytes.Length + 1];
        try
        {
            decoder.GetChars(bytes, chars, flush: !truncated);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>The separator of the header line: <c>;</c> when it has more semicolons than commas outside quotes.</summary>
    private static char DetectSeparator(ReadOnlySpan<byte> bytes)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var b in bytes)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (b == (byte)'\n')
                {
                    break;
                }
                if (b == (byte)',')
                {
                    commas++;
                }
                else if (b == (byte)';')
                {
                    semicolons++;
                }
            }
        }
        return semicolons > commas ? ';' : ',';
    }
}
