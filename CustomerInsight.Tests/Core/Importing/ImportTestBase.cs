namespace CustomerInsight.Tests.Core.Importing;

/// <summary>
/// A test class whose every test imports into a fresh <see cref="ImportTestContext"/> on its <see cref="EngineTestBase.Engine"/>
/// (created before the test, disposed after it), in the database currency <paramref name="currency"/>.
/// </summary>
public abstract class ImportTestBase(string currency = "GBP") : EngineTestBase, IAsyncLifetime
{
    protected ImportTestContext Context { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Context = await ImportTestContext.CreateAsync(currency, Engine);

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
