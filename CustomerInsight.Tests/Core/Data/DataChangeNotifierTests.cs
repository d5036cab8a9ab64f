namespace CustomerInsight.Tests.Core.Data;

public sealed class DataChangeNotifierTests
{
    [Fact]
    public void NotifyChanged_SubscriberThrows_LoggedAsErrorAndOthersStillCalled()
    {
        var logger = new RecordingLogger();
        var notifier = new DataChangeNotifier(logger);
        var calls = 0;
        notifier.Changed += () => throw new InvalidOperationException("page gone");
        notifier.Changed += () => calls++;

        notifier.NotifyChanged();

        Assert.Equal(1, calls);
        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("page gone", entry.Exception?.Message);
        Assert.Contains(nameof(DataChangeNotifierTests), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotifyChangedBy_ThisNodesOwnChange_NotRaisedAgain_AnotherNodes_Raised()
    {
        var notifier = new DataChangeNotifier();
        var calls = 0;
        notifier.Changed += () => calls++;

        notifier.NotifyChangedBy(notifier.NodeId);
        Assert.Equal(0, calls);

        notifier.NotifyChangedBy(new DataChangeNotifier().NodeId);
        Assert.Equal(1, calls);
    }

    private sealed class RecordingLogger : ILogger<DataChangeNotifier>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
