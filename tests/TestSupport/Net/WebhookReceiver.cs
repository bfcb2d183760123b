using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TestSupport.Net;

/// <summary>
/// A real HTTP server on loopback (<see cref="HttpListener"/>) that records every request and answers with the statuses
/// a test scripts (<see cref="RespondWith"/>), then 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<int> _script = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Task _serving;

    private WebhookReceiver(HttpListener listener, string url)
    {
        (_listener, Url) = (listener, url);
        _serving = ServeAsync();
    }

    /// <summary>The base URL, ending in a slash.</summary>
    public string Url { get; }

    /// <summary>Everything received so far, in order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <summary>Starts on a free loopback port.</summary>
    public static WebhookReceiver Start()
    {
        for (var attempt = 0; ; attempt++)
        {
            var url = $"http://127.0.0.1:{FreePort()}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new WebhookReceiver(listener, url);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // The port was taken between finding and binding it.
                listener.Close();
            }
        }
    }

    /// <summary>A loopback URL nothing listens on: connections to it are refused.</summary>
    public static string RefusingUrl() => $"http://127.0.0.1:{FreePort()}/hook";

    /// <summary>The next requests get these statuses, in order; later ones get 200.</summary>
    public void RespondWith(params int[] statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    /// <summary>Waits until <paramref name="count"/> requests in all have arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (_received.Count < count)
        {
            try
            {
                await _arrived.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{_received.Count} of {count} webhook requests arrived within {timeout}");
            }
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        try
        {
            await _serving;
        }
        catch (ObjectDisposedException)
        {
            // Closing the listener ends the pending GetContextAsync this way.
        }
        _arrived.Dispose();
    }

    internal static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(static k => k is not null)
                .ToDictionary(static k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            var status = _script.TryDequeue(out var scripted) ? scripted : 200;
            _received.Enqueue(new ReceivedWebhook(context.Request.Url!.AbsolutePath, headers, body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
            _arrived.Release();
        }
    }
}
