using CustomerInsight.Web;
using CustomerInsight.Web.Cli;

if (CliApp.IsCommandLine(args))
{
    return await CliApp.RunAsync(args, CliConsole.System);
}

var app = WebApp.Build(args);
if (WebApp.MissingStaticAsset(app) is { } missing)
{
    // Started from a folder the app cannot find its files from: say so instead of serving empty pages.
    await Console.Error.WriteLineAsync($"CustomerInsight cannot start: its static file \"{missing}\" is missing under {app.Environment.WebRootPath} (build the app, or publish it, and start that build).");
    return 1;
}
await WebApp.PrepareDatabaseAsync(app.Services);
await app.RunAsync();
return 0;

/// <summary>The entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
