using System.Diagnostics;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(CustomerInsight.Tests.Core.Data.PostgresServerShutdown))]

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The PostgreSQL server of the tests that run on both engines. <c>INSIGHT_TEST_POSTGRES</c> (an Npgsql connection
/// string of a role that may create databases) names one to use; otherwise the first test that needs one starts a
/// throwaway cluster (initdb + pg_ctl, as the <c>postgres</c> user when the tests run as root) in a temporary folder
/// on a free loopback port, stopped and deleted when the test run ends. No PostgreSQL: the test is skipped with the
/// reason, or fails under <c>CI=true</c> (<c>.ci/run</c> installs it).
/// </summary>
public sealed class PostgresServer
{
    public const string ConnectionStringVariable = "INSIGHT_TEST_POSTGRES";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static PostgresServer? shared;
    private static string? unavailable;

    private readonly string? directory;
    private readonly string? binaries;
    private readonly bool asPostgresUser;

    private PostgresServer(string adminConnectionString, string? directory = null, string? binaries = null, bool asPostgresUser = false)
    {
        AdminConnectionString = adminConnectionString;
        this.directory = directory;
        this.binaries = binaries;
        this.asPostgresUser = asPostgresUser;
    }

    /// <summary>A connection string to the server's <c>postgres</c> database, as a role that creates databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The shared server, started on first use; skips (fails under CI=true) the calling test when there is no PostgreSQL.</summary>
    public static async Task<PostgresServer> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is null && unavailable is null)
            {
                var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
                if (!string.IsNullOrWhiteSpace(external))
                {
                    shared = new PostgresServer(external);
                }
                else if (FindBinaries() is { } bin)
                {
                    shared = await StartClusterAsync(bin);
                }
                else
                {
                    unavailable = $"No PostgreSQL: neither {ConnectionStringVariable} nor initdb under /usr/lib/postgresql/*/bin (apt-get install " +
                        $"-y postgresql)";
                }
            }
        }
        finally
        {
            Gate.Release();
        }
        if (shared is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"CI=true but {unavailable}: .ci/run installs it with apt-get.");
            }
            Assert.Skip($"{unavailable}: PostgreSQL tests skipped.");
        }
        return shared;
    }

    /// <summary>
    /// A new database; its connection string (pooled, as the app's are: a new backend per context would cost each test seconds;
    /// <see cref="DropDatabaseAsync"/> closes the pool's connections first). <paramref name="migrated"/>:
    /// a copy of a template database migrated once per test run (CREATE DATABASE … TEMPLATE copies files, much faster than
    /// running the migrations again); otherwise an empty one.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(bool migrated = false)
    {
        var template = migrated ? await MigratedTemplateAsync() : "template0";
        var name = "ci_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" ENCODING 'UTF8'", connection);
            await command.ExecuteNonQueryAsync();
        }
        return ConnectionStringOf(name);
    }

    /// <summary>The connection string of a database not created yet (a first start creates it; <see cref="DropDatabaseAsync"/> after).</summary>
    public string UncreatedDatabase() => ConnectionStringOf("ci_test_" + Guid.NewGuid().ToString("N"));

    private string ConnectionStringOf(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database, Pooling = pooling }.ConnectionString;

    private string? migratedTemplate;

    /// <summary>The template database of this run, created and migrated on first use (dropped with the cluster, or at the end of the run).</summary>
    private async Task<string> MigratedTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (migratedTemplate is null)
            {
                var name = "ci_template_" + Guid.NewGuid().ToString("N");
                await using (var connection = new NpgsqlConnection(AdminConnectionString))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", connection);
                    await command.ExecuteNonQueryAsync();
                }
                var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<global::CustomerInsight.Core.Data.InsightDbContext>();
                // Not pooled: CREATE DATABASE … TEMPLATE refuses a template that has a connection open.
                global::CustomerInsight.Core.Data.InsightDatabase.Configure(options,
                    global::CustomerInsight.Core.Data.DatabaseEngine.Postgres, ConnectionStringOf(name, pooling: false));
                await using (var db =
                    global::CustomerInsight.Core.Data.InsightDatabase.CreateContext(global::CustomerInsight.Core.Data.DatabaseEngine.Postgres,
                    options.Options))
                {
                    await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.MigrateAsync(db.Database);
                }
                migratedTemplate = name;
            }
            return migratedTemplate;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    /// <summary>Drops the database of <paramref name="connectionString"/>, closing its connections.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        // The pool's idle connections go first (FORCE would end them on the server, leaving dead ones in the pool).
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The whole database of <paramref name="connectionString"/> as pg_dump writes it (plain SQL, every table's rows):
    /// what any SQL can still reach.
    /// </summary>
    public static string Dump(string connectionString)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("pg_dump not found under /usr/lib/postgresql/*/bin");
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(bin, "pg_dump"))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "-h", builder.Host!, "-p", builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-U", builder.Username!, "--no-owner", builder.Database! })
        {
            start.ArgumentList.Add(argument);
        }
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_dump exited with {process.ExitCode}: {error.Result}");
        }
        return output;
    }

    /// <summary>Stops and deletes the throwaway cluster, if this run started one.</summary>
    internal static async Task StopSharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (shared is { directory: not null } server)
            {
                shared = null;
                await server.StopAsync();
            }
            else if (shared is { migratedTemplate: { } template } external)
            {
                // An existing server (INSIGHT_TEST_POSTGRES): leave it as it was.
                shared = null;
                await external.DropDatabaseAsync(external.ConnectionStringOf(template));
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;

    private static async Task<PostgresServer> StartClusterAsync(string bin)
    {
        // PostgreSQL refuses to run as root: the cluster belongs to the postgres user then.
        var asPostgres = Environment.UserName == "root";
        var directory = Path.Combine(Path.GetTempPath(), "ci-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PostgresServer("", directory, bin, asPostgres);
        try
        {
            if (asPostgres)
            {
                await RunAsync("chown", ["postgres:postgres", directory]);
            }
            var data = Path.Combine(directory, "data");
            await server.RunToolAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
            var port = FreePort();
            // Throwaway data: no durability work.
            var settings = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={directory} -c fsync=off -c synchronous_commit=off " +
                $"-c full_page_writes=off -c max_connections=200";
            await server.RunToolAsync("pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopAsync().GetAwaiter().GetResult();
            return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", directory, bin, asPostgres);
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    private async Task StopAsync()
    {
        if (directory is null || !Directory.Exists(directory))
        {
            return;
        }
        var data = Path.Combine(directory, "data");
        if (File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS's temp cleaning.
        }
    }

    private Task RunToolAsync(string tool, string[] arguments)
    {
        var path = Path.Combine(binaries!, tool);
        return asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError =
            true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Stops the throwaway PostgreSQL cluster when the test run ends.</summary>
public sealed class PostgresServerShutdown : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await PostgresServer.StopSharedAsync();
}
