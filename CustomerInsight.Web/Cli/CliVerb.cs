namespace CustomerInsight.Web.Cli;

/// <summary>One command-line verb. Verbs are registered in <see cref="CliServices"/>.</summary>
public interface ICliVerb
{
    string Name { get; }

    /// <summary>One line for the verb list.</summary>
    string Summary { get; }

    /// <summary>The full usage text of <c>&lt;verb&gt; --help</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb with the arguments after its name (parse them with <see cref="CliArguments.Parse"/>); returns the exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken);
}

/// <summary>Bad arguments or bad input: exit code 2 with this message.</summary>
public sealed class CliInputException(string message) : Exception(message);

/// <summary>Where verbs write and read: the process's streams, or a test's.</summary>
public sealed class CliConsole(TextReader input, TextWriter output, TextWriter error)
{
    public TextReader In { get; } = input;
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    public static CliConsole System => new(Console.In, Console.Out, Console.Error);
}
