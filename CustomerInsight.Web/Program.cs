using CustomerInsight.Web;
using CustomerInsight.Web.Cli;

if (CliApp.IsCommandLine(args))
{
    return await CliApp.RunAsync(args, CliConsole.System);
}

var app = WebApp.Build(args);
await WebApp.PrepareDatabaseAsync(app.Services);
await app.RunAsync();
return 0;

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
