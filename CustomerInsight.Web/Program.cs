using CustomerInsight.Web;
using CustomerInsight.Web.Cli;

if (CliApp.IsCommandLine(args))
{
    return await CliApp.RunAsync(args, CliConsole.System);
}

return await WebApp.RunAsync(args, Console.Error);

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
