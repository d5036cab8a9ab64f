using Microsoft.EntityFrameworkCore;

namespace CustomerInsight.Web.Cli;

/// <summary>
/// The executable's command-line side: with a verb it uses the app's configuration and database,
/// applies pending migrations, does the work and exits (0 success, 2 bad input, 1 failure).
/// </summary>
public static class CliApp
{
    private const string TimingOption = "--timing";

    /// <summary>True when the arguments ask for a verb or for help rather than for the web app.</summary>
    public static bool IsCommandLine(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "help" || !args[0].StartsWith('-'));

    public static async Task<int> RunAsync(string[] args, CliConsole console, Action<IConfigurationManager>? configure = null)
    {
        // --timing (any verb, for benchmarks): prints start-up and work times to standard error.
        var timing = CliTiming.Start(args.Contains(TimingOption));
        args = args.Where(a => a != TimingOption).ToArray();
        // The host's defaults for a process that lives a second: its configuration files are read once (the default
        // watches them, and every folder under the app's, for changes); logs go to the console only (not also to a debugger
        // or an event source).
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = configuration,
        });
        AppPaths.AddRootConfiguration(builder.Configuration);
        configure?.Invoke(builder.Configuration);
        // Warnings and errors only, on standard error: standard output is the verb's answer (JSON for scripts), whatever
        // appsettings.json's Logging section says for the web app (Information).
        builder.Logging.ClearProviders()
            .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        timing.StartupStep("configuration");
        try
        {
            builder.Services.AddCustomerInsightCore(builder.Configuration);
        }
        catch (DatabaseStartException e)
        {
            await console.Error.WriteLineAsync("Configuration error: " + e.Message);
            return 2;
        }
        builder.Services.AddInsightIdentityCore();
        builder.Services.AddCliVerbs();
        builder.Services.AddSingleton(timing);
        timing.StartupStep("services");

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        try
        {
            using var host = builder.Build();
            // The host is never started: validate every option now, as a start would (ValidateOnStart).
            host.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            timing.StartupStep("host");
            // Verbs read the database's currency when built: an unreachable server is said in one line first.
            await using (var db = await host.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>()
                .CreateDbContextAsync(cancellation.Token))
            {
                await InsightDatabase.EnsureReachableAsync(db, cancellation.Token);
            }
            timing.StartupStep("reachable");
            if (args[0] is "--help" or "-h" or "help")
            {
                PrintHelp(host.Services.GetVerbs(), console.Out);
                return 0;
            }
            // Migrated before the verbs are built: some read the database when built (its currency, for workbooks), and a
            // new database's failed read would cost an exception and its log.
            var factory = host.Services.GetRequiredService<IDbContextFactory<InsightDbContext>>();
            await InsightDatabase.MigrateAsync(factory, cancellation.Token);
            timing.StartupStep("migrations");
            var verb = host.Services.GetVerb(args[0]);
            if (verb is null)
            {
                await console.Error.WriteLineAsync($"Unknown verb \"{args[0]}\". Run with --help for the list.");
                return 2;
            }
            timing.StartupStep("verb");
            var rest = args.Skip(1).ToArray();
            if (rest.Contains("--help"))
            {
                await console.Out.WriteLineAsync(verb.Usage);
                return 0;
            }
            // A new database records its reporting currency (Business:Currency) before any verb reads or writes amounts.
            await host.Services.GetRequiredService<DatabaseCurrency>().GetAsync(cancellation.Token);
            timing.StartupStep("currency");
            timing.Ready();
            var code = await verb.RunAsync(rest, console, cancellation.Token);
            timing.Report(console.Error);
            return code;
        }
        catch (CliInputException e)
        {
            await console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (DatabaseStartException e)
        {
            await console.Error.WriteLineAsync("Database error: " + e.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("Cancelled: nothing was changed.");
            return 1;
        }
        catch (Exception e) when (e is Microsoft.Extensions.Options.OptionsValidationException or ConfigurationMissingException)
        {
            await console.Error.WriteLineAsync("Configuration error: " + e.Message);
            return 2;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync("Unexpected failure: " + e.Message);
            await console.Error.WriteLineAsync(e.ToString());
            return 1;
        }
    }

    private static void PrintHelp(IReadOnlyList<ICliVerb> verbs, TextWriter output)
    {
        output.WriteLine("CustomerInsight: dashboard (no verb) and command line.");
        output.WriteLine();
        output.WriteLine("usage: dotnet run --project CustomerInsight.Web -c Release -- <verb> [options]");
        output.WriteLine("       (no verb: starts the web app)");
        output.WriteLine();
        output.WriteLine("verbs:");
        foreach (var verb in verbs)
        {
            output.WriteLine($"  {verb.Name,-16} {verb.Summary}");
        }
        output.WriteLine();
        output.WriteLine("<verb> --help prints the verb's options. Exit codes: 0 success, 2 bad input, 1 failure.");
        output.WriteLine("--timing (with any verb) prints to standard error the start-up time (process start to database");
        output.WriteLine("ready) and the verb's own work time.");
    }
}
