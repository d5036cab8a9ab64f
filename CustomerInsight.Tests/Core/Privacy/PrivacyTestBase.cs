namespace CustomerInsight.Tests.Core.Privacy;

/// <summary>
/// A test class whose every test starts from a fresh <see cref="PrivacyTestContext"/> (its personal data imported) on its
/// <see cref="EngineTestBase.Engine"/>, disposed after the test.
/// </summary>
public abstract class PrivacyTestBase : EngineTestBase, IAsyncLifetime
{
    private protected PrivacyTestContext Context { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Context = await PrivacyTestContext.CreateAsync(Token, Engine);

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
