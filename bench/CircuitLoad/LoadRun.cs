using System.Globalization;
using System.Text;

namespace CustomerInsight.CircuitLoad;

public static class LoadRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var options = args.Select((a, i) => (a, i)).Where(p => p.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(p => p.a[2..],
                p => p.i + 1 < args.Length && !args[p.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[p.i + 1] : "true");
        var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5080/"));
        if (options.ContainsKey("dump"))
        {
            await using var circuit = new BlazorCircuit(url);
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await circuit.SignInAsync(options.GetValueOrDefault("email", "direction@demo.local"), options.GetValueOrDefault("password", "Demo!2026"),
                cts.Token);
            await circuit.StartAsync(options.GetValueOrDefault("path", "/"), DashboardUser.IsReady, TimeSpan.FromSeconds(60), cts.Token);
            if (options.TryGetValue("channel", out var channel))
            {
                circuit.Trace = Console.WriteLine;
                var took = await DashboardUser.ChangeChannelAsync(circuit, channel, cts.Token);
                Console.WriteLine($"changed to {channel} in {took.TotalMilliseconds:0} ms; now {circuit.Location}");
            }
            Console.WriteLine(circuit.Read(dom => Dump(dom)));
            Console.WriteLine(string.Join("\n", circuit.JsCalls.Select(c => $"js {c.Key} x{c.Value}")));
            Console.WriteLine(string.Join("\n", circuit.Errors));
            return 0;
        }
        var settings = new LoadSettings(
            url,
            int.Parse(options.GetValueOrDefault("circuits", "100"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("duration", "60"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("interval", "10"), CultureInfo.InvariantCulture)),
            options.GetValueOrDefault("email", "direction@demo.local"),
            options.GetValueOrDefault("password", "Demo!2026"),
            options.TryGetValue("server-pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            options.GetValueOrDefault("path", "/"));
        var result = await new LoadTest(settings, Console.Error).RunAsync(CancellationToken.None);
        Console.WriteLine(result.ToJson());
        return 0;
    }

    private static string Dump(ClientDom dom)
    {
        var text = new StringBuilder();
        foreach (var root in dom.Roots)
        {
            Dump(root, 0, text);
        }
        return text.ToString();
    }

    private static void Dump(DomNode node, int depth, StringBuilder text)
    {
        var pad = new string(' ', depth);
        switch (node)
        {
            case ElementNode e:
                text.Append(CultureInfo.InvariantCulture, $"{pad}{e} {string.Join(' ', e.EventHandlers.Select(h => $"[{h.Key}:{h.Value}]"))}\n");
                break;
            case TextNode t when !string.IsNullOrWhiteSpace(t.Value):
                text.Append(CultureInfo.InvariantCulture, $"{pad}\"{t.Value}\"\n");
                break;
            case MarkupNode m:
                text.Append(CultureInfo.InvariantCulture, $"{pad}markup {m.Value?[..Math.Min(80, m.Value.Length)]}\n");
                break;
            case ComponentNode c:
                text.Append(CultureInfo.InvariantCulture, $"{pad}#{c.ComponentId}\n");
                break;
        }
        foreach (var child in node.Children)
        {
            Dump(child, depth + 1, text);
        }
    }
}
