namespace CustomerInsight.Tests.Core.Data;

public class ResultCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_SameKeyTwice_ComputesOnce()
    {
        var cache = new ResultCache<string, int>(4, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var computed = 0;

        var first = await cache.GetAsync("a", () => Task.FromResult(++computed), Ct);
        var second = await cache.GetAsync("a", () => Task.FromResult(++computed), Ct);
        var other = await cache.GetAsync("b", () => Task.FromResult(++computed), Ct);

        Assert.Equal((1, 1, 2), (first, second, other));
    }

    [Fact]
    public async Task GetAsync_ConcurrentCallers_ShareOneComputation()
    {
        var cache = new ResultCache<string, int>(4, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var gate = new TaskCompletionSource<int>();
        var computed = 0;

        var first = cache.GetAsync("a", () => { computed++; return gate.Task; }, Ct);
        var second = cache.GetAsync("a", () => { computed++; return gate.Task; }, Ct);
        gate.SetResult(42);

        var results = await Task.WhenAll(first, second);
        Assert.Equal(new[] { 42, 42 }, results);
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task GetAsync_CallerArrivingWhileTheFirstComputesBeforeItsFirstAwait_SharesItsComputation()
    {
        var cache = new ResultCache<string, int>(4, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var computed = 0;
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        Task<int> Compute()
        {
            // The first computation holds its thread (CPU work before any await); a second one would answer at once.
            if (Interlocked.Increment(ref computed) > 1)
            {
                return Task.FromResult(-1);
            }
            inside.Set();
            release.Wait(Ct);
            return Task.FromResult(42);
        }

        var first = Task.Run(() => cache.GetAsync("a", Compute, Ct), Ct);
        inside.Wait(Ct);
        var second = cache.GetAsync("a", Compute, Ct);
        release.Set();

        var answers = await Task.WhenAll(first, second);
        Assert.Equal(new[] { 42, 42 }, answers);
        Assert.Equal(1, computed);
    }

    [Fact]
    public async Task GetAsync_ComputationCancelledByItsCaller_ComputedAfreshNextTime()
    {
        var cache = new ResultCache<string, int>(4, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        using var cancel = new CancellationTokenSource();
        var running = cache.GetAsync("a", () => Task.Delay(Timeout.Infinite, cancel.Token).ContinueWith(_ => 1, cancel.Token), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var again = await cache.GetAsync("a", () => Task.FromResult(2), Ct);

        Assert.Equal(2, again);
    }

    [Fact]
    public async Task GetAsync_AfterLifetime_ComputesAgain()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new ResultCache<string, int>(4, TimeSpan.FromMinutes(5), clock);
        var computed = 0;

        await cache.GetAsync("a", () => Task.FromResult(++computed), Ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var again = await cache.GetAsync("a", () => Task.FromResult(++computed), Ct);

        Assert.Equal(2, again);
    }

    [Fact]
    public async Task GetAsync_OverCapacity_LeastRecentlyUsedGoes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var cache = new ResultCache<string, string>(2, TimeSpan.FromMinutes(5), clock);
        await cache.GetAsync("a", () => Task.FromResult("a1"), Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync("b", () => Task.FromResult("b1"), Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync("a", () => Task.FromResult("a2"), Ct);   // a used again: b is now the oldest
        clock.Advance(TimeSpan.FromSeconds(1));
        await cache.GetAsync("c", () => Task.FromResult("c1"), Ct);

        Assert.Equal(2, cache.Count);
        Assert.Equal("a1", await cache.GetAsync("a", () => Task.FromResult("a3"), Ct));
        Assert.Equal("b2", await cache.GetAsync("b", () => Task.FromResult("b2"), Ct));
    }

    [Fact]
    public async Task GetAsync_FailedComputation_NotKept()
    {
        var cache = new ResultCache<string, int>(4, TimeSpan.FromMinutes(5), new FakeTimeProvider(DateTimeOffset.UnixEpoch));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            cache.GetAsync("a", () => Task.FromException<int>(new InvalidOperationException("boom")), Ct));
        var retried = await cache.GetAsync("a", () => Task.FromResult(7), Ct);

        Assert.Equal(7, retried);
    }
}
