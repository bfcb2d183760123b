using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TestSupport.Net;

/// <summary>A loopback port that accepts connections and never answers: a receiver that hangs.</summary>
public sealed class SilentListener : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<Socket> _held = [];
    private int _accepted;

    private SilentListener()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>A URL on it.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/hook";

    /// <summary>Connections accepted so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    public static SilentListener Start() => new();

    public void Dispose()
    {
        _listener.Stop();
        foreach (var socket in _held)
        {
            socket.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (true)
        {
            try
            {
                _held.Add(await _listener.AcceptSocketAsync());
                Interlocked.Increment(ref _accepted);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
        }
    }
}
