namespace CustomerInsight.Web.Cli;

/// <summary>
/// The arguments after the verb: positionals, <c>--name value</c> options and <c>--flag</c> switches.
/// Unknown or misplaced names are refused, so a typo never silently changes what a verb does.
/// </summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly List<string> positionals = [];

    private CliArguments()
    {
    }

    public IReadOnlyList<string> Positionals => positionals;

    /// <param name="args">The arguments after the verb.</param>
    /// <param name="valueOptions">Names that take a value (without <c>--</c>).</param>
    /// <param name="flagOptions">Names that are switches.</param>
    public static CliArguments Parse(IReadOnlyList<string> args, IEnumerable<string> valueOptions, IEnumerable<string> flagOptions)
    {
        var values = valueOptions.ToHashSet(StringComparer.Ordinal);
        var switches = flagOptions.ToHashSet(StringComparer.Ordinal);
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.positionals.Add(arg);
                continue;
            }
            var name = arg[2..];
            if (switches.Contains(name))
            {
                parsed.flags.Add(name);
            }
            else if (values.Contains(name))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliInputException($"Option --{name} needs a value.");
                }
                parsed.options[name] = args[++i];
            }
            else
            {
                throw new CliInputException($"Unknown option {arg}.");
            }
        }
        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Get(string name) => options.GetValueOrDefault(name);

    public string Required(string name) => Get(name) ?? throw new CliInputException($"Option --{name} is required.");

    public DateOnly? GetDate(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }
        return IsoDate.Parse(value)
            ?? throw new CliInputException($"Option --{name}: \"{value}\" is not a date (expected YYYY-MM-DD).");
    }
}
