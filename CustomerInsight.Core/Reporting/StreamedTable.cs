using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace CustomerInsight.Core.Reporting;

/// <summary>
/// The data rows of one large table of an <see cref="ExcelReportWriter"/> workbook, written straight
/// into the package ClosedXML saved instead of through ClosedXML's cell model (about 1 GB per million
/// cells; streamed, 100,000 RFM rows take a few MB beyond the records themselves).
/// </summary>
/// <remarks>
/// <para>
/// ClosedXML still writes the sheet: title block, header, column styles and widths, frozen pane, table
/// with filter buttons, and one template cell per kind of cell each column holds (text, quote-prefixed
/// text, number, date; per number format when a column mixes formats), through the writer's own
/// <c>WriteValue</c>. <see cref="Merge"/> copies ClosedXML's package, replaces the sheet's rows under
/// the header with every record's row (each cell taking its template's style index, so number formats,
/// quote prefixes and alignment are ClosedXML's), widens the table and its autofilter to them, and
/// appends their texts to the shared strings.
/// </para>
/// <para>
/// Texts follow the writer's rules: characters XML forbids dropped (<see cref="ExcelReportWriter.XmlSafe"/>),
/// spreadsheet-string escapes (<see cref="ExcelReportWriter.OoxmlEscape"/>), stored as shared strings
/// (<c>t="s"</c>, never a formula), and a text starting with a formula character gets the quote-prefix
/// style. No cell ever carries a formula element.
/// </para>
/// <para>
/// Kept over DocumentFormat.OpenXml's <c>OpenXmlWriter</c>: on 1,000,000 rows of 10 cells (bench/xlsx-writers.sh,
/// bench/RESULTS.md) it took 40 s and 495 MB against 213 s and 1,038 MB for the library's streaming writer.
/// </para>
/// </remarks>
internal sealed class StreamedTable
{
    internal enum Kind : byte
    {
        Text,
        QuotedText,
        Number,
        Date,
        DateAndTime,
    }

    internal readonly record struct Template(Kind Kind, CellFormat Format, object Value);

    private readonly record struct SharedText(string Escaped, bool Quoted, int Length);

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ExcelReportWriter writer;
    private readonly Func<int, int, (object? Value, CellFormat Format)> cellAt;
    private readonly List<Template>[] templates;
    private readonly Dictionary<string, int> textIndex = new(StringComparer.Ordinal);
    private readonly List<SharedText> texts = [];

    private StreamedTable(ExcelReportWriter writer, string sheetName, string tableName, int rows, int columns, Func<int, int,
        (object? Value, CellFormat Format)> cellAt)
    {
        this.writer = writer;
        SheetName = sheetName;
        TableName = tableName;
        Rows = rows;
        Columns = columns;
        this.cellAt = cellAt;
        templates = new List<Template>[columns];
        for (var c = 0; c < columns; c++)
        {
            templates[c] = [];
        }
    }

    public string SheetName { get; }

    public string TableName { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Rows of template cells ClosedXML writes under the header (at least one: a table needs a data row).</summary>
    public int TemplateRows => Math.Max(1, templates.Max(t => t.Count));

    /// <summary>The template cells of a column, one per kind of cell it holds, in row order under the header.</summary>
    public IReadOnlyList<Template> Templates(int column) => templates[column];

    /// <summary>
    /// Reads every record once: widens <paramref name="widths"/> to the content, collects the texts and
    /// one template per kind of cell of each column.
    /// </summary>
    public static StreamedTable Plan<T>(ExcelReportWriter writer, string sheetName, string tableName, IReadOnlyList<ReportColumn<T>> columns,
        IReadOnlyList<T> records, int[] widths)
    {
        var table = new StreamedTable(writer, sheetName, tableName, records.Count, columns.Count, (r, c) =>
        {
            var record = records[r];
            var column = columns[c];
            var value = column.Value(record);
            return (value, value is null ? column.Format : column.FormatOf?.Invoke(record) ?? column.Format);
        });
        for (var r = 0; r < records.Count; r++)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                var (value, format) = table.cellAt(r, c);
                if (value is null || !table.Classify(value, out var kind, out var text))
                {
                    continue;
                }
                var length = text >= 0 ? table.texts[text].Length : writer.DisplayLength(value, format);
                if (length > widths[c])
                {
                    widths[c] = length;
                }
                if (table.FindTemplate(c, kind, format) < 0)
                {
                    table.templates[c].Add(new Template(kind, format, value));
                }
            }
        }
        return table;
    }

    /// <summary>
    /// Copies ClosedXML's <paramref name="package"/> to <paramref name="output"/>, writing each streamed
    /// table's rows into its sheet, its range into its table part and its texts into the shared strings.
    /// </summary>
    public static void Merge(Stream package, Stream output, IReadOnlyList<StreamedTable> tables)
    {
        using var source = new ZipArchive(package, ZipArchiveMode.Read);
        var workbookPath = Relationships(source, "").Single(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target;
        var workbookRelationships = Relationships(source, workbookPath);
        var workbook = Load(source, workbookPath);
        XNamespace main = MainNamespace;
        XNamespace relationships = RelationshipsNamespace;
        var sheetPaths = workbook.Descendants(main + "sheet").ToDictionary(
            s => (string)s.Attribute("name")!,
            s => workbookRelationships.Single(r => r.Id == (string?)s.Attribute(relationships + "id")).Target,
            StringComparer.Ordinal);
        var sharedStringsPath = workbookRelationships.Single(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var tablePaths = source.Entries
            .Where(e => e.FullName.StartsWith("xl/tables/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .ToDictionary(e => (string)Load(source, e.FullName).Root!.Attribute("name")!, e => e.FullName, StringComparer.Ordinal);

        var bySheet = tables.ToDictionary(t => sheetPaths[t.SheetName], StringComparer.Ordinal);
        var byTable = tables.ToDictionary(t => tablePaths[t.TableName], StringComparer.Ordinal);

        var sharedStrings = Load(source, sharedStringsPath);
        var baseCount = sharedStrings.Root!.Elements(main + "si").Count();
        var offsets = new Dictionary<StreamedTable, int>();
        var next = baseCount;
        foreach (var table in tables)
        {
            offsets[table] = next;
            next += table.texts.Count;
        }

        using var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Fastest);
            copy.LastWriteTime = entry.LastWriteTime;
            using var to = copy.Open();
            if (bySheet.TryGetValue(entry.FullName, out var sheetTable))
            {
                sheetTable.WriteSheet(Load(source, entry.FullName), to, offsets[sheetTable]);
            }
            else if (byTable.TryGetValue(entry.FullName, out var rangeTable))
            {
                rangeTable.WriteTablePart(Load(source, entry.FullName), to);
            }
            else if (entry.FullName == sharedStringsPath)
            {
                WriteSharedStrings(sharedStrings, to, tables, next);
            }
            else
            {
                using var from = entry.Open();
                from.CopyTo(to);
            }
        }
    }

    /// <summary>The kind of a value's cell and, for a text, its index in <see cref="texts"/> (else -1); false: no cell (NaN, infinity).</summary>
    private bool Classify(object value, out Kind kind, out int text)
    {
        text = -1;
        switch (value)
        {
            case string s:
                text = Text(s);
                break;
            case bool b:
                text = Text(writer.BoolText(b));
                break;
            case double d when double.IsNaN(d) || double.IsInfinity(d):
                kind = default;
                return false;
            case int or long or double or decimal:
                kind = Kind.Number;
                return true;
            case DateOnly:
                kind = Kind.Date;
                return true;
            case DateTime dateTime:
                kind = dateTime.TimeOfDay == TimeSpan.Zero ? Kind.Date : Kind.DateAndTime;
                return true;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} to a report cell.", nameof(value));
        }
        kind = texts[text].Quoted ? Kind.QuotedText : Kind.Text;
        return true;
    }

    private int Text(string text)
    {
        if (!textIndex.TryGetValue(text, out var index))
        {
            var safe = ExcelReportWriter.XmlSafe(text);
            index = texts.Count;
            texts.Add(new SharedText(ExcelReportWriter.OoxmlEscape(safe), ExcelReportWriter.IsFormulaLike(safe), ExcelReportWriter.TextLength(safe)));
            textIndex.Add(text, index);
        }
        return index;
    }

    private int LastRow => ExcelReportWriter.HeaderRow + Rows;

    private string Range => string.Create(CultureInfo.InvariantCulture, $"A{ExcelReportWriter.HeaderRow}:{ColumnName(Columns - 1)}{LastRow}");

    private void WriteSheet(XDocument sheet, Stream to, int textOffset)
    {
        XNamespace main = MainNamespace;
        var root = sheet.Root!;
        var data = root.Element(main + "sheetData")!;

        // The style index ClosedXML gave each template cell.
        var styles = new int[Columns][];
        for (var c = 0; c < Columns; c++)
        {
            styles[c] = new int[templates[c].Count];
        }
        foreach (var row in data.Elements(main + "row").ToList())
        {
            var r = (int)row.Attribute("r")!;
            if (r <= ExcelReportWriter.HeaderRow)
            {
                continue;
            }
            foreach (var cell in row.Elements(main + "c"))
            {
                var c = ColumnIndex((string)cell.Attribute("r")!);
                var i = r - ExcelReportWriter.HeaderRow - 1;
                if (c < Columns && i < styles[c].Length)
                {
                    styles[c][i] = (int?)cell.Attribute("s") ?? 0;
                }
            }
            row.Remove();
        }
        const string marker = "streamed-rows";
        data.Add(new XComment(marker));
        root.Element(main + "dimension")?.SetAttributeValue("ref", $"A1:{ColumnName(Columns - 1)}{LastRow.ToString(CultureInfo.InvariantCulture)}");

        var xml = root.ToString(SaveOptions.DisableFormatting);
        var split = xml.IndexOf($"<!--{marker}-->", StringComparison.Ordinal);
        var prefix = root.GetPrefixOfNamespace(main) is { } p ? p + ":" : "";

        using var text = new StreamWriter(to, new UTF8Encoding(false), 1 << 16);
        text.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        text.Write(xml.AsSpan(0, split));
        WriteRows(text, prefix, styles, textOffset);
        text.Write(xml.AsSpan(split + marker.Length + 7));
    }

    private void WriteRows(StreamWriter text, string prefix, int[][] styles, int textOffset)
    {
        var rowStart = $"<{prefix}row r=\"";
        var rowEnd = $"</{prefix}row>";
        var cellStart = $"<{prefix}c r=\"";
        var textValue = $"\" t=\"s\"><{prefix}v>";
        var numberValue = $"\"><{prefix}v>";
        var cellEnd = $"</{prefix}v></{prefix}c>";
        var letters = Enumerable.Range(0, Columns).Select(ColumnName).ToArray();
        Span<char> buffer = stackalloc char[40];
        for (var r = 0; r < Rows; r++)
        {
            var rowNumber = ExcelReportWriter.HeaderRow + 1 + r;
            text.Write(rowStart);
            WriteInvariant(text, rowNumber, buffer);
            text.Write("\">");
            for (var c = 0; c < Columns; c++)
            {
                var (value, format) = cellAt(r, c);
                if (value is null || !Classify(value, out var kind, out var index))
                {
                    continue;
                }
                text.Write(cellStart);
                text.Write(letters[c]);
                WriteInvariant(text, rowNumber, buffer);
                text.Write("\" s=\"");
                WriteInvariant(text, styles[c][TemplateIndex(c, kind, format)], buffer);
                if (index >= 0)
                {
                    text.Write(textValue);
                    WriteInvariant(text, textOffset + index, buffer);
                }
                else
                {
                    text.Write(numberValue);
                    WriteNumber(text, value, buffer);
                }
                text.Write(cellEnd);
            }
            text.Write(rowEnd);
        }
    }

    private int FindTemplate(int column, Kind kind, CellFormat format)
    {
        var list = templates[column];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Kind == kind && list[i].Format == format)
            {
                return i;
            }
        }
        return -1;
    }

    private int TemplateIndex(int column, Kind kind, CellFormat format)
    {
        var i = FindTemplate(column, kind, format);
        return i >= 0 ? i : throw new InvalidOperationException(
            $"No template for a {kind} cell in column {column + 1}: the records changed between planning and writing.");
    }

    private void WriteTablePart(XDocument part, Stream to)
    {
        XNamespace main = MainNamespace;
        var root = part.Root!;
        root.SetAttributeValue("ref", Range);
        root.Element(main + "autoFilter")?.SetAttributeValue("ref", Range);
        using var text = new StreamWriter(to, new UTF8Encoding(false));
        text.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        text.Write(root.ToString(SaveOptions.DisableFormatting));
    }

    private static void WriteSharedStrings(XDocument sharedStrings, Stream to, IReadOnlyList<StreamedTable> tables, int count)
    {
        XNamespace main = MainNamespace;
        var root = sharedStrings.Root!;
        root.SetAttributeValue("count", count);
        root.SetAttributeValue("uniqueCount", count);
        var xml = root.ToString(SaveOptions.DisableFormatting);
        var split = xml.LastIndexOf("</", StringComparison.Ordinal);
        var prefix = root.GetPrefixOfNamespace(main) is { } p ? p + ":" : "";
        var itemStart = $"<{prefix}si><{prefix}t>";
        var itemStartPreserve = $"<{prefix}si><{prefix}t xml:space=\"preserve\">";
        var itemEnd = $"</{prefix}t></{prefix}si>";

        using var text = new StreamWriter(to, new UTF8Encoding(false), 1 << 16);
        text.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        text.Write(xml.AsSpan(0, split));
        foreach (var table in tables)
        {
            foreach (var item in table.texts)
            {
                // Leading or trailing white space (a tab before "=1+1") survives only with xml:space.
                var preserve = item.Escaped.Length > 0 && (char.IsWhiteSpace(item.Escaped[0]) || char.IsWhiteSpace(item.Escaped[^1]));
                text.Write(preserve ? itemStartPreserve : itemStart);
                WriteEscaped(text, item.Escaped);
                text.Write(itemEnd);
            }
        }
        text.Write(xml.AsSpan(split));
    }

    /// <summary>A number or date as the cell's value: invariant digits, dates as Excel serial numbers.</summary>
    private static void WriteNumber(StreamWriter text, object value, Span<char> buffer)
    {
        var invariant = CultureInfo.InvariantCulture;
        int written;
        var ok = value switch
        {
            int i => i.TryFormat(buffer, out written, default, invariant),
            long l => l.TryFormat(buffer, out written, default, invariant),
            double d => d.TryFormat(buffer, out written, "R", invariant),
            decimal m => m.TryFormat(buffer, out written, default, invariant),
            DateOnly date => date.ToDateTime(TimeOnly.MinValue).ToOADate().TryFormat(buffer, out written, "R", invariant),
            DateTime dateTime => dateTime.ToOADate().TryFormat(buffer, out written, "R", invariant),
            _ => throw new ArgumentException($"Not a number: {value.GetType().Name}.", nameof(value)),
        };
        if (!ok)
        {
            throw new InvalidOperationException("A number did not fit its buffer.");
        }
        text.Write(buffer[..written]);
    }

    private static void WriteInvariant(StreamWriter text, int value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        text.Write(buffer[..written]);
    }

    /// <summary>Element content: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> escaped (the text is already XML-safe).</summary>
    private static void WriteEscaped(StreamWriter text, string value)
    {
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var escape = value[i] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            };
            if (escape is not null)
            {
                text.Write(value.AsSpan(start, i - start));
                text.Write(escape);
                start = i + 1;
            }
        }
        text.Write(value.AsSpan(start));
    }

    /// <summary>A zero-based column index as letters (0 → A, 26 → AA).</summary>
    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>.</summary>
    internal static int ColumnIndex(string reference)
    {
        var n = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }
            n = (n * 26) + (ch - 'A' + 1);
        }
        return n - 1;
    }

    private static XDocument Load(ZipArchive archive, string path)
    {
        using var stream = (archive.GetEntry(path) ?? throw new InvalidDataException($"The package has no {path}.")).Open();
        return XDocument.Load(stream);
    }

    private sealed record Relationship(string Id, string Type, string Target);

    /// <summary>The relationships of a part ("" for the package), targets as entry names.</summary>
    private static List<Relationship> Relationships(ZipArchive archive, string part)
    {
        var folder = part.Length == 0 ? "" : part[..(part.LastIndexOf('/') + 1)];
        var path = $"{folder}_rels/{part[folder.Length..]}.rels";
        XNamespace ns = PackageRelationshipsNamespace;
        return Load(archive, path).Root!.Elements(ns + "Relationship")
            .Select(r => new Relationship((string)r.Attribute("Id")!, (string)r.Attribute("Type")!, Resolve(folder, (string)r.Attribute("Target")!)))
            .ToList();
    }

    private static string Resolve(string folder, string target)
    {
        if (target.StartsWith('/'))
        {
            return target[1..];
        }
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var piece in target.Split('/'))
        {
            if (piece == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (piece != ".")
            {
                parts.Add(piece);
            }
        }
        return string.Join('/', parts);
    }
}
