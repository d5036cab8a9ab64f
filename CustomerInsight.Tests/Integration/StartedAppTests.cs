using System.Diagnostics;
using System.Net.Sockets;

namespace CustomerInsight.Tests.Integration;

/// <summary>
/// The built app started as README's run command starts it (no launch profile environment), from another
/// working directory, on a port chosen through ASPNETCORE_URLS: production error pages, and every static asset served.
/// </summary>
public class StartedAppTests : EngineTestBase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void LaunchSettings_NoProfileForcesDevelopmentOrAPort()
    {
        var file = Path.Combine(CustomerInsight.Web.AppPaths.FindRoot(AppContext.BaseDirectory),
            "CustomerInsight.Web", "Properties", "launchSettings.json");
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var profile in json.RootElement.GetProperty("profiles").EnumerateObject())
        {
            Assert.False(profile.Value.TryGetProperty("applicationUrl", out _),
                $"{profile.Name} sets applicationUrl: ASPNETCORE_URLS would be ignored");
            var variables = profile.Value.TryGetProperty("environmentVariables",
                out var env) ? env.EnumerateObject().Select(v => v.Name).ToList() : [];
            Assert.DoesNotContain("ASPNETCORE_ENVIRONMENT", variables);
            Assert.DoesNotContain("ASPNETCORE_URLS", variables);
        }
    }

    [Fact]
    public async Task Start_FromAnotherFolderOnAChosenPort_ProductionPagesAndStaticAssetsServed()
    {
        Assert.True(File.Exists(BuiltApp.WebDll), $"{BuiltApp.WebDll} is not built");
        var folder = Path.Combine(Path.GetTempPath(), "ci-started-app", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await using var database = await TestDatabase.CreateAsync(Engine, migrate: false);
        var port = FreePort();
        var start = BuiltApp.StartInfo(database);
        start.WorkingDirectory = folder;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DemoData__Customers"] = "60";

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
            if (e.Data?.Contains("Now listening on: ", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult(e.Data.Trim());
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = process.WaitForExitAsync(Ct).ContinueWith(_ =>
            listening.TrySetException(new InvalidOperationException("the app exited")), TaskScheduler.Default);
        try
        {
            // Waits for the app's own line (a bound on a broken start, not a sleep).
            var line = await listening.Task.WaitAsync(TimeSpan.FromMinutes(3), Ct);
            Assert.Equal($"Now listening on: http://127.0.0.1:{port}", line);

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            foreach (var asset in new[] { "/_framework/blazor.web.js",
                "/_content/MudBlazor/MudBlazor.min.js", "/lib/chart.js/chart.umd.min.js", "/css/app.css" })
            {
                var bytes = await http.GetByteArrayAsync(asset, Ct);
                Assert.True(bytes.Length > 1000, $"{asset}: {bytes.Length} bytes");
            }
            var missing = await http.GetAsync("/nonexistent", Ct);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Page introuvable", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            string log;
            lock (output)
            {
                log = output.ToString();
            }
            Assert.Contains("Hosting environment: Production", log, StringComparison.Ordinal);
            Assert.Contains("First start: creating the demo company", log, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Every test of <see cref="StartedAppTests"/> on PostgreSQL.</summary>
public sealed class StartedAppOnPostgresTests : StartedAppTests
{
    protected override DatabaseEngine Engine => DatabaseEngine.Postgres;
}
