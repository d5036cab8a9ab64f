using CustomerInsight.Core.Data;
using CustomerInsight.Web.Security;

namespace CustomerInsight.Tests.Web.Shared;

/// <summary>The one way pages run a circuit action: role checked on the server, a refusal or a failure shown as the page's text.</summary>
public sealed class CircuitActionTests
{
    private static readonly ActionFailureTexts Texts = new("refused", "failed");

    [Fact]
    public async Task RunAsync_RoleOutsideThePolicy_RefusedOnTheServerActionNotRun()
    {
        var accessLog = new FakeLogger<CircuitAccess>();
        var access = FixedUser.Access(Roles.Executive, "direction@test.local", logger: accessLog);
        var logger = new FakeLogger<CircuitActionTests>();
        var shown = new List<string>();
        var ran = false;

        var done = await access.RunAsync(Policies.Import, logger, "Import", _ =>
        {
            ran = true;
            return Task.CompletedTask;
        }, shown.Add, Texts);

        Assert.False(done);
        Assert.False(ran);
        Assert.Equal(["refused"], shown);
        Assert.Contains(Policies.Import, Assert.Single(accessLog.Collector.GetSnapshot()).Message, StringComparison.Ordinal);
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task RunAsync_RoleInThePolicy_RunsWithTheUserName()
    {
        var access = FixedUser.Access(Roles.Admin, "admin@test.local");
        string? user = null;

        var done = await access.RunAsync(Policies.Import, new FakeLogger<CircuitActionTests>(), "Import", name =>
        {
            user = name;
            return Task.CompletedTask;
        }, _ => Assert.Fail("nothing to show"), Texts);

        Assert.True(done);
        Assert.Equal("admin@test.local", user);
    }

    [Fact]
    public async Task RunAsync_ActionFails_LoggedAsErrorFailureShown()
    {
        var logger = new FakeLogger<CircuitActionTests>();
        var shown = new List<string>();

        var done = await CircuitAction.RunAsync(logger, "Merge", () => throw new InvalidOperationException("database gone"), shown.Add, Texts);

        Assert.False(done);
        Assert.Equal(["failed"], shown);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, "Merge failed"), (entry.Level, entry.Message));
    }

    [Fact]
    public async Task RunAsync_KnownFailure_ItsOwnTextLoggedAsWarning()
    {
        var logger = new FakeLogger<CircuitActionTests>();
        var shown = new List<string>();

        await CircuitAction.RunAsync(logger, "Upload", () => throw new IOException("reset"), shown.Add, Texts,
            e => e is IOException ? "upload failed" : null);

        Assert.Equal(["upload failed"], shown);
        Assert.Equal(LogLevel.Warning, Assert.Single(logger.Collector.GetSnapshot()).Level);
    }

    [Fact]
    public async Task RunAsync_Cancelled_LeftToTheCaller()
    {
        var shown = new List<string>();

        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            CircuitAction.RunAsync(new FakeLogger<CircuitActionTests>(), "Purge", () => throw new OperationCanceledException(), shown.Add, Texts));
        Assert.Empty(shown);
    }

    [Fact]
    public async Task RunAsync_CommandWithAResult_ItsResultWhenItCompletes()
    {
        var result = await CircuitAction.RunAsync(new FakeLogger<CircuitActionTests>(), "Save", () => Task.FromResult("saved"),
            "refused", "failed");

        Assert.Equal("saved", result);
    }

    [Fact]
    public async Task RunAsync_CommandRefusedOnTheServer_RefusedResultNothingLoggedHere()
    {
        var access = FixedUser.Access(Roles.Executive, "direction@test.local");
        var logger = new FakeLogger<CircuitActionTests>();
        var ran = false;

        var result = await CircuitAction.RunAsync(logger, "Save", async () =>
        {
            await access.RequireNameAsync(Policies.OmocEdit, "Save");
            ran = true;
            return "saved";
        }, "refused", "failed");

        Assert.Equal("refused", result);
        Assert.False(ran);
        Assert.Empty(logger.Collector.GetSnapshot());
    }

    [Fact]
    public async Task RunAsync_CommandFails_FailedResultLoggedAsError()
    {
        var logger = new FakeLogger<CircuitActionTests>();

        var result = await CircuitAction.RunAsync<string>(logger, "Save", () => throw new InvalidOperationException("database gone"),
            "refused", "failed");

        Assert.Equal("failed", result);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal((LogLevel.Error, "Save failed"), (entry.Level, entry.Message));
    }
}
