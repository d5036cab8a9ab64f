namespace CustomerInsight.Tests.Web.Shared;

/// <summary>The one load-with-error-message path of the pages outside FilteredPage.</summary>
public sealed class PageLoadTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryAsync_LoadFails_LoggedWithWhatAndSubject_False()
    {
        var logger = new FakeLogger<PageLoadTests>();

        var loaded = await PageLoad.TryAsync(logger, "Customer 360", () => throw new InvalidOperationException("database gone"), 42, Ct);

        Assert.False(loaded);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("Customer 360 failed (42)", entry.Message);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }

    [Fact]
    public async Task TryAsync_LoadSucceeds_TrueNothingLogged()
    {
        var logger = new FakeLogger<PageLoadTests>();
        var ran = false;

        var loaded = await PageLoad.TryAsync(logger, "Countries", () =>
        {
            ran = true;
            return Task.CompletedTask;
        }, leaving: Ct);

        Assert.True(loaded);
        Assert.True(ran);
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task TryAsync_AccessDenied_NotCaught() =>
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            PageLoad.TryAsync(new FakeLogger<PageLoadTests>(), "Match groups", () =>
                throw new AccessDeniedException(Policies.DataQuality), leaving: Ct));

    [Fact]
    public async Task TryAsync_CancelledBecauseThePageLeft_NotAFailure_OtherCancellationsPropagate()
    {
        var logger = new FakeLogger<PageLoadTests>();
        using var leaving = new CancellationTokenSource();
        await leaving.CancelAsync();

        Assert.True(await PageLoad.TryAsync(logger, "Top themes", () => throw new OperationCanceledException(leaving.Token), leaving: leaving.Token));
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            PageLoad.TryAsync(logger, "Top themes", () => throw new OperationCanceledException(), leaving: CancellationToken.None));
        Assert.Empty(logger.Collector.GetSnapshot());
    }
}
