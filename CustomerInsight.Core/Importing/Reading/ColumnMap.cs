namespace CustomerInsight.Core.Importing.Reading;

/// <summary>A column a format reads: its name in interfaces.md and the other names it is known by.</summary>
internal sealed record ColumnDef(string Name, bool Required, params string[] Aliases)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

/// <summary>Where each column of a format sits in the file's header (names compared ignoring case, spaces and underscores).</summary>
internal sealed class ColumnMap
{
    /// <summary>At most this many characters of a column name are repeated in a message or a report.</summary>
    private const int MaxNameLength = 60;

    private ColumnMap(int[] indexes, string[] fileNames, List<ImportIssue> issues, int matched, IReadOnlyList<string> unknown)
    {
        Indexes = indexes;
        FileNames = fileNames;
        Issues = issues;
        Matched = matched;
        Unknown = unknown;
    }

    /// <summary>The file's columns that the format does not read (ignored by the import), as named in the file.</summary>
    public IReadOnlyList<string> Unknown { get; }

    /// <summary>Per column of the format, its index in the file (-1 when absent).</summary>
    public int[] Indexes { get; }

    /// <summary>Per column of the format, its name as written in the file (the format's name when absent).</summary>
    public string[] FileNames { get; }

    public IReadOnlyList<ImportIssue> Issues { get; }

    public int Matched { get; }

    public bool Has(int column) => Indexes[column] >= 0;

    public static ColumnMap Build(IReadOnlyList<string> header, IReadOnlyList<ColumnDef> columns)
    {
        var issues = new List<ImportIssue>();
        var byName = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = FieldParsers.NormaliseName(header[i]);
            if (name.Length > 0 && !byName.TryAdd(name, i))
            {
                issues.Add(ImportIssue.Create(1, header[i], ImportMessages.HeaderDuplicateColumn, header[i].Trim()));
            }
        }
        var indexes = new int[columns.Count];
        var fileNames = new string[columns.Count];
        var matched = 0;
        var found = string.Join(", ", header.Where(h => h.Trim().Length > 0).Select(h => Shorten(h.Trim())));
        for (var c = 0; c < columns.Count; c++)
        {
            indexes[c] = -1;
            fileNames[c] = columns[c].Name;
            foreach (var name in columns[c].AllNames)
            {
                if (byName.TryGetValue(FieldParsers.NormaliseName(name), out var index))
                {
                    indexes[c] = index;
                    fileNames[c] = header[index].Trim();
                    matched++;
                    break;
                }
            }
            if (indexes[c] < 0 && columns[c].Required)
            {
                var expected = string.Join(" / ", columns[c].AllNames);
                issues.Add(ImportIssue.Create(1, columns[c].Name, ImportMessages.HeaderMissingColumn, expected, found.Length == 0 ? "-" : found));
            }
        }
        var mapped = indexes.Where(i => i >= 0).ToHashSet();
        var unknown = header.Select((h, i) => (Name: h.Trim(), Index: i))
            .Where(x => x.Name.Length > 0 && !mapped.Contains(x.Index))
            .Select(x => Shorten(x.Name))
            .ToList();
        if (matched == 0 && header.Any(h => h.Trim().Length > 0))
        {
            // Row 1 names none of the format's columns: it is data (a file without its header row) or another file.
            // Its values are not repeated: they may be a person's name, e-mail or phone.
            issues.Clear();
            issues.Add(ImportIssue.Create(1, null, ImportMessages.HeaderNoKnownColumn,
                header.Count(h => h.Trim().Length > 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", columns.Select(c => c.Name))));
            unknown = [];
        }
        return new ColumnMap(indexes, fileNames, issues, matched, unknown);
    }

    private static string Shorten(string name) =>
        Core.Text.VisibleText.Escape(name.Length <= MaxNameLength ? name : name[..MaxNameLength] + "…")!;

    /// <summary>True when this row holds every required column name (to tell a header in the wrong row).</summary>
    public static bool LooksLikeHeader(IReadOnlyList<string> row, IReadOnlyList<ColumnDef> columns)
    {
        var names = row.Select(FieldParsers.NormaliseName).ToHashSet();
        return columns.Where(c => c.Required).All(c => c.AllNames.Any(n => names.Contains(FieldParsers.NormaliseName(n))));
    }
}
