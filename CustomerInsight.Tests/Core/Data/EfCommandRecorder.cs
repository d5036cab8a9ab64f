using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CustomerInsight.Tests.Core.Data;

/// <summary>
/// The SQL that EF Core executes on one test database while it lives (EF Core's <c>CommandExecuting</c> diagnostic events),
/// whatever else the test process runs meanwhile. Plain ADO.NET commands (the Data folder's plain-SQL reads) are not EF Core's
/// and never appear.
/// </summary>
public sealed class EfCommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string dataSource;
    private readonly string database;
    private readonly ConcurrentQueue<string> commands = new();
    private readonly ConcurrentBag<IDisposable> subscriptions = [];
    private readonly IDisposable listeners;

    public EfCommandRecorder(TestDatabase testDatabase)
    {
        ArgumentNullException.ThrowIfNull(testDatabase);
        using (var db = testDatabase.CreateContext())
        {
            var connection = db.Database.GetDbConnection();
            (dataSource, database) = (connection.DataSource, connection.Database);
        }
        listeners = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The command texts so far, in execution order.</summary>
    public IReadOnlyList<string> Commands => [.. commands];

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData { Command.Connection: { } connection } data
            && connection.DataSource == dataSource && connection.Database == database)
        {
            commands.Enqueue(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        listeners.Dispose();
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }
    }
}
