using CustomerInsight.Web;
using CustomerInsight.Web.Cli;

if (CliApp.IsCommandLine(args))
{
    // A verb lives a second: the dependency-injection container resolves its services by reflection instead of compiling
    // each one to IL on a background thread (work a long-lived web app gains from, a verb never does: about 10 % of
    // `kpi`'s CPU, bench/RESULTS.md). Read when the first container is built, so set before anything builds one.
    AppContext.SetSwitch("Microsoft.Extensions.DependencyInjection.DisableDynamicEngine", true);
    return await CliApp.RunAsync(args, CliConsole.System);
}

return await WebApp.RunAsync(args, Console.Error);

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
