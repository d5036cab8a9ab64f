using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerInsight.CircuitLoad;

/// <summary>
/// One signed-in Blazor Server circuit driven without a browser, as blazor.web.js drives it: signs in through the login
/// form (cookie, antiforgery field), loads a page, reads its prerendered component markers, connects to <c>/_blazor</c>,
/// starts the circuit (<c>StartCircuit</c>, then <c>UpdateRootComponents</c> with the markers), applies every render
/// batch to a <see cref="ClientDom"/> and acknowledges it (<c>OnRenderCompleted</c>), answers JS interop calls (a
/// navigation is followed with <c>OnLocationChanged</c>, as the browser's router does), and dispatches events to the
/// handlers the batches attached (<c>DispatchEventAsync</c> on the renderer's interop object).
/// </summary>
public sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly Uri baseAddress;
    private readonly CookieContainer cookies = new();
    private readonly SocketsHttpHandler handler;
    private readonly HttpClient http;
    private readonly ClientDom dom = new();
    private readonly Lock gate = new();
    private readonly List<(Func<ClientDom, bool> Condition, TaskCompletionSource Done)> waiters = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> pendingCalls = new();
    private HubConnection? connection;
    private long interopObjectId;
    private long nextJsObjectId = 1;
    private int nextCallId;
    private string location = "";
    private long batches;
    private long batchBytes;

    public BlazorCircuit(Uri baseAddress)
    {
        this.baseAddress = baseAddress;
        handler = new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        http = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress };
    }

    /// <summary>The errors the circuit reported (<c>JS.Error</c>, failed event dispatches, a closed connection).</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Render batches received and their bytes (what the server sent to draw the page).</summary>
    public long Batches => Interlocked.Read(ref batches);

    public long BatchBytes => Interlocked.Read(ref batchBytes);

    /// <summary>Where to describe each render batch received (diagnosis), if anywhere.</summary>
    public Action<string>? Trace { get; set; }

    /// <summary>The JS functions the server called, for diagnosis.</summary>
    public ConcurrentDictionary<string, int> JsCalls { get; } = new();

    public string Location
    {
        get
        {
            lock (gate)
            {
                return location;
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> on the page under the lock render batches are applied with.</summary>
    public T Read<T>(Func<ClientDom, T> read)
    {
        lock (gate)
        {
            return read(dom);
        }
    }

    /// <summary>Signs in through the login form, as a person does; throws with the status when refused.</summary>
    public async Task SignInAsync(string email, string password, CancellationToken cancellationToken)
    {
        var form = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), cancellationToken);
        var fields = HiddenInput().Matches(form)
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var content = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect
            || response.Headers.Location?.ToString().Contains("/Account/", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Sign-in of {email} refused: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>Loads <paramref name="path"/>, starts its circuit and waits until <paramref name="ready"/> holds on the live page.</summary>
    public async Task StartAsync(string path, Func<ClientDom, bool> ready, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var address = new Uri(baseAddress, path);
        using var response = await http.GetAsync(address, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        var markers = Marker().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())
            .Where(m => m["type"]?.GetValue<string>() == "server" && m["descriptor"] is not null)
            .OrderBy(m => m["sequence"]?.GetValue<int>() ?? 0)
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"GET {path}: no interactive server component marker in the page.");
        }
        var state = ComponentState().Match(html) is { Success: true } s ? s.Groups["state"].Value : "";
        location = address.ToString();

        // Blazor's hub speaks only "blazorpack" (MessagePack): it replaces the default JSON protocol.
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        connection.On<int, string>("JS.AttachComponent", (componentId, _) =>
        {
            lock (gate)
            {
                dom.AttachRoot(componentId);
            }
        });
        connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", OnBeginInvokeJsAsync);
        connection.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        connection.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        connection.On<string>("JS.Error", error => Errors.Enqueue("circuit error: " + error));
        connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        connection.Closed += error =>
        {
            if (error is not null)
            {
                Errors.Enqueue("connection closed: " + error.Message);
            }
            return Task.CompletedTask;
        };
        await connection.StartAsync(cancellationToken);

        var started = WaitForAsync(ready, timeout, cancellationToken);
        var circuitId = await connection.InvokeAsync<string?>("StartCircuit", baseAddress.ToString(), address.ToString(), "[]", state,
            cancellationToken);
        if (string.IsNullOrEmpty(circuitId))
        {
            throw new InvalidOperationException("StartCircuit refused: " + string.Join("; ", Errors));
        }
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) => (JsonNode)new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i,
                ["marker"] = marker.DeepClone(),
            }).ToArray()),
        };
        await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancellationToken);
        await started;
    }

    /// <summary>Completes when <paramref name="condition"/> holds on the page (checked now and after each render batch).</summary>
    public Task WaitForAsync(Func<ClientDom, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (condition(dom))
            {
                return Task.CompletedTask;
            }
            waiters.Add((condition, done));
        }
        return WaitAsync();

        async Task WaitAsync()
        {
            try
            {
                await done.Task.WaitAsync(timeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                lock (gate)
                {
                    waiters.RemoveAll(w => w.Done == done);
                }
                throw new TimeoutException(
                    $"The page did not reach the expected state within {timeout.TotalSeconds:0} s "
                    + $"({dom.BatchesApplied} batches applied; errors: {string.Join("; ", Errors)}).");
            }
        }
    }

    /// <summary>
    /// Dispatches a browser event to the handler <paramref name="handlerId"/> (an <c>onclick</c> of the page) as
    /// blazor.web.js does, and waits for the server to have handled it.
    /// </summary>
    public async Task DispatchAsync(ulong handlerId, string eventName, object eventArgs, CancellationToken cancellationToken)
    {
        var connection = this.connection ?? throw new InvalidOperationException("The circuit is not started.");
        var callId = Interlocked.Increment(ref nextCallId).ToString(CultureInfo.InvariantCulture);
        var answered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingCalls[callId] = answered;
        var descriptor = new { eventHandlerId = handlerId, eventName, eventFieldInfo = (object?)null };
        var args = JsonSerializer.Serialize(new object[] { descriptor, eventArgs });
        await connection.SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", Interlocked.Read(ref interopObjectId), args,
            cancellationToken);
        await answered.Task.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
    }

    /// <summary>A left-button mouse event (click, mousedown), as the browser describes it to Blazor (MouseEventArgs).</summary>
    public static object Mouse(string type) => new { detail = 1, screenX = 0, screenY = 0, clientX = 0, clientY = 0, offsetX = 0, offsetY = 0,
        pageX = 0, pageY = 0, movementX = 0, movementY = 0, button = 0, buttons = type == "click" ? 0 : 1, ctrlKey = false, shiftKey = false,
        altKey = false, metaKey = false, type };

    /// <summary>The answer to a call of ours (an event dispatch): its id, whether it succeeded, its result or error.</summary>
    private void OnEndInvokeDotNet(string callId, bool succeeded, string result)
    {
        if (!succeeded)
        {
            Errors.Enqueue($"call {callId} failed: {result}");
        }
        if (pendingCalls.TryRemove(callId, out var call))
        {
            call.TrySetResult(succeeded);
        }
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] data)
    {
        string? error = null;
        Interlocked.Increment(ref batches);
        Interlocked.Add(ref batchBytes, data.Length);
        try
        {
            var batch = RenderBatch.Read(data);
            if (Trace is { } trace)
            {
                var components = string.Join(',', batch.UpdatedComponents.Select(d => $"{d.ComponentId}({d.Edits.Count})"));
                trace($"batch {batchId}: {data.Length} bytes, components {components}, disposed {batch.DisposedComponentIds.Count}");
            }
            List<TaskCompletionSource> ready;
            lock (gate)
            {
                dom.Apply(batch);
                ready = waiters.Where(w => w.Condition(dom)).Select(w => w.Done).ToList();
                waiters.RemoveAll(w => ready.Contains(w.Done));
            }
            foreach (var done in ready)
            {
                done.TrySetResult();
            }
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentOutOfRangeException or InvalidCastException
            or IndexOutOfRangeException)
        {
            error = e.ToString();
            Errors.Enqueue($"render batch {batchId} could not be applied: {e.Message}");
        }
        await connection!.SendAsync("OnRenderCompleted", batchId, error);
    }

    private async Task OnBeginInvokeJsAsync(long asyncHandle, string identifier, string argsJson, int resultType, long targetInstanceId, int callType)
    {
        JsCalls.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        object? result = null;
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                using (var args = JsonDocument.Parse(argsJson))
                {
                    Interlocked.Exchange(ref interopObjectId, args.RootElement[1].GetProperty("__dotNetObject").GetInt64());
                }
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                string uri;
                using (var args = JsonDocument.Parse(argsJson))
                {
                    uri = new Uri(new Uri(Location), args.RootElement[0].GetString()!).ToString();
                }
                lock (gate)
                {
                    location = uri;
                }
                // The browser's router: the address changes, then the server hears of it.
                await connection!.SendAsync("OnLocationChanged", uri, null, false);
                break;
            case "Blazor._internal.navigationManager.getLocationHref":
                result = Location;
                break;
            case "Blazor._internal.navigationManager.getBaseURI":
                result = baseAddress.ToString();
                break;
            default:
                // JSObjectReference results get a handle of their own (chart modules, MudBlazor's helpers).
                result = resultType == 1 ? new Dictionary<string, long> { ["__jsObjectId"] = Interlocked.Increment(ref nextJsObjectId) } : null;
                break;
        }
        if (asyncHandle != 0)
        {
            var answer = JsonSerializer.Serialize(new object?[] { asyncHandle, true, result });
            await connection!.SendAsync("EndInvokeJSFromDotNet", asyncHandle, true, answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }
        http.Dispose();
        handler.Dispose();
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]*)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("""<!--Blazor:(?<json>\{.*?\})-->""", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex("""<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->""")]
    private static partial Regex ComponentState();
}
