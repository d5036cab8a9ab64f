using Microsoft.Data.Sqlite;

namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// Issue 14.7: a long import must not lock other writers out. Two connections on one real SQLite file: the import
/// reads and checks its file holding no lock, and a writer that finds the lock taken says so and waits instead of failing.
/// </summary>
public sealed class ImportWriteLockTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string RetailFile(int orders)
    {
        var text = new System.Text.StringBuilder("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n");
        for (var i = 0; i < orders; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{540000 + i},P{i % 7},ITEM,{1 + (i % 5)},2011-03-{1 + (i % 28):00} 10:00:00,2.50,{12000 + (i % 50)},France\n");
        }
        return text.ToString();
    }

    /// <summary>A second connection of another writer (another process, the web app's audit insert), failing at once on a lock.</summary>
    private static SqliteConnection OtherWriter(TestDatabase database, int busyTimeoutMilliseconds = 0)
    {
        var connection = new SqliteConnection(database.ConnectionString + ";Default Timeout=1");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}";
        command.ExecuteNonQuery();
        return connection;
    }

    private static void InsertAuditEntry(SqliteConnection connection, string action)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO \"AuditEntries\" (\"AtUtc\", \"UserName\", \"Action\") VALUES ('2026-01-01 00:00:00', 'other', $action)";
        command.Parameters.AddWithValue("$action", action);
        command.ExecuteNonQuery();
    }

    private sealed class BlockingProgress(Func<ImportProgress, bool> blockOn) : IProgress<ImportProgress>
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ManualResetEventSlim Release { get; } = new();
        public List<ImportPhase> Phases { get; } = [];

        public void Report(ImportProgress value)
        {
            lock (Phases)
            {
                Phases.Add(value.Phase);
            }
            if (blockOn(value) && Reached.TrySetResult())
            {
                Release.Wait(TimeSpan.FromMinutes(2));
            }
        }
    }

    [Fact]
    public async Task ImportAsync_WhileReadingTheFile_HoldsNoLock_AnotherWriterWritesAtOnce()
    {
        await using var context = await ImportTestContext.CreateAsync();
        var pipeline = new ImportPipeline(context.Database.Factory, BusinessCalendar.ForZone("Europe/Paris"),
            new AuditLog(context.Database.Factory, TimeProvider.System), TimeProvider.System,
                Microsoft.Extensions.Options.Options.Create(new ImportOptions { ProgressEveryRows = 10 }), context.Currency);
        var path = context.WriteFile("retail.csv", RetailFile(200));
        var progress = new BlockingProgress(p => p.Phase == ImportPhase.Reading);

        var import = pipeline.ImportAsync(path, "retail.csv", ImportFormat.OnlineRetail, "analyst@test", progress, Ct);
        await progress.Reached.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
        try
        {
            using var other = OtherWriter(context.Database);
            // With busy_timeout 0 this fails at once ("database is locked") if the import holds the write lock.
            InsertAuditEntry(other, "other.write");
        }
        finally
        {
            progress.Release.Set();
        }
        var report = await import;

        Assert.True(report.Succeeded);
        Assert.Equal(200, report.Orders.Created);
        await using var db = context.Database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "other.write", Ct));
    }

    [Fact]
    public async Task ImportAsync_WhileAnotherConnectionHoldsTheWriteLock_SaysItWaitsThenWrites()
    {
        await using var context = await ImportTestContext.CreateAsync();
        var path = context.WriteFile("retail.csv", RetailFile(20));
        var progress = new BlockingProgress(p => p.Phase == ImportPhase.Waiting);
        // Recorded at start-up in the app and the command line, before any import.
        await context.Currency.GetAsync(Ct);
        Task<ImportReport> import;
        using (var other = OtherWriter(context.Database))
        {
            using var hold = other.BeginTransaction(deferred: false);
            InsertAuditEntry(other, "long.write");
            progress.Release.Set();
            import = context.Pipeline.ImportAsync(path, "retail.csv", ImportFormat.OnlineRetail, "analyst@test", progress, Ct);
            await progress.Reached.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
            Assert.False(import.IsCompleted);
            hold.Commit();
        }
        var report = await import;

        Assert.True(report.Succeeded);
        Assert.Equal(20, report.Orders.Created);
        Assert.Equal([ImportPhase.Waiting, ImportPhase.Writing, ImportPhase.Done], progress.Phases.Where(p => p != ImportPhase.Reading).Take(3));
    }

    [Fact]
    public async Task AuditWrite_WhileAnotherConnectionHoldsTheWriteLock_SaysSoAndIsWrittenOnceFree()
    {
        await using var database = await TestDatabase.CreateAsync();
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(logs));
        var factory = new LoggingContextFactory(database.ConnectionString, loggerFactory);
        var auditLog = new AuditLog(factory, TimeProvider.System);
        Task write;
        using (var other = OtherWriter(database))
        {
            using var hold = other.BeginTransaction(deferred: false);
            InsertAuditEntry(other, "long.write");
            // Microsoft.Data.Sqlite's async calls run synchronously: the waiting writer gets its own thread, as a request does.
            write = Task.Run(() => auditLog.WriteAsync("analyst@test", "export.kpi", cancellationToken: Ct), Ct);
            await logs.Warned.Task.WaitAsync(TimeSpan.FromMinutes(1), Ct);
            Assert.False(write.IsCompleted);
            hold.Commit();
        }
        await write;

        Assert.Contains("waits", logs.Warnings.Single(), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "export.kpi", Ct));
    }

    private sealed class LoggingContextFactory(string connectionString, ILoggerFactory loggerFactory) : IDbContextFactory<InsightDbContext>
    {
        public InsightDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<InsightDbContext>();
            InsightDatabase.Configure(options, connectionString, loggerFactory: loggerFactory);
            return new InsightDbContext(options.Options);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public TaskCompletionSource Warned { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public List<string> Warnings { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state,
                Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning && category.EndsWith(nameof(SqliteWriterWaits), StringComparison.Ordinal))
                {
                    lock (owner.Warnings)
                    {
                        owner.Warnings.Add(formatter(state, exception));
                    }
                    owner.Warned.TrySetResult();
                }
            }
        }
    }
}
