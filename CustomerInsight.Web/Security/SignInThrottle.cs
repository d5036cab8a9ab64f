using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;

namespace CustomerInsight.Web.Security;

/// <summary><c>SignIn:*</c> settings: how many failed sign-ins one client address may make in a window.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    [Range(1, 100000)]
    public int MaxFailuresPerClient { get; set; } = 20;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 5;
}

/// <summary>
/// Sign-in attempts per client address, on top of Identity's lockout per account (which does nothing against
/// one client trying many accounts). An attempt reserves a place before the password is checked, so parallel
/// requests cannot slip past the limit; a successful sign-in gives its place back. Fixed windows, in memory
/// (one node; several nodes each count their own share).
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private const int MaxTrackedClients = 100_000;
    private readonly ConcurrentDictionary<string, Window> windows = new(StringComparer.Ordinal);

    /// <summary>Reserves an attempt for <paramref name="client"/>; false when its failures have reached the limit.</summary>
    public bool TryBegin(string client)
    {
        var now = clock.GetUtcNow();
        var length = TimeSpan.FromMinutes(options.Value.WindowMinutes);
        if (windows.Count > MaxTrackedClients)
        {
            foreach (var (key, old) in windows)
            {
                if (now - old.Start >= length)
                {
                    windows.TryRemove(key, out _);
                }
            }
        }
        var window = windows.GetOrAdd(client, _ => new Window(now));
        lock (window)
        {
            if (now - window.Start >= length)
            {
                window.Start = now;
                window.Count = 0;
            }
            if (window.Count >= options.Value.MaxFailuresPerClient)
            {
                return false;
            }
            window.Count++;
            return true;
        }
    }

    /// <summary>The attempt succeeded: it does not count against the client.</summary>
    public void Succeeded(string client)
    {
        if (windows.TryGetValue(client, out var window))
        {
            lock (window)
            {
                window.Count = Math.Max(0, window.Count - 1);
            }
        }
    }

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; set; } = start;

        public int Count { get; set; }
    }
}
