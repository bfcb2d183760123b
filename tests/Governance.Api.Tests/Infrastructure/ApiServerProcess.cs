using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TestSupport.Paths;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The built API (<c>Governance.Api.dll</c>) serving on a loopback port as its own process, so that a test can kill it
/// as the operating system would (<c>SIGKILL</c>: no shutdown code runs) and start it again on the same state.
/// </summary>
internal sealed class ApiServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly Task<string> _stdout;

    private ApiServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        _stderr = process.StandardError.ReadToEndAsync();
        _stdout = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>Where it listens.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Starts the API on <paramref name="database"/> with <paramref name="dataDirectory"/>, the repository's policies and
    /// demo organisation, the scheduler off, and <paramref name="settings"/>; returns once <c>/health/ready</c> answers 200.
    /// </summary>
    public static async Task<ApiServerProcess> StartAsync(string dataDirectory, TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Governance.Api.dll"), "--urls", address.ToString()])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Governance__DataDirectory"] = dataDirectory;
        start.Environment["Governance__PoliciesDirectory"] = RepositoryPaths.Policies;
        start.Environment["Governance__Database__Provider"] = database.Provider.ToString();
        start.Environment["Governance__Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Governance__Scheduler__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var server = new ApiServerProcess(Process.Start(start)!, address);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        for (var wait = 0; wait < 600; wait++)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"the API exited with {server._process.ExitCode} at start: {await server._stderr}");
            }
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy starting
            }
            await Task.Delay(100);
        }
        server.Kill();
        throw new TimeoutException($"the API was not ready within 60 s: {await server._stderr}");
    }

    /// <summary>Kills the process at once, as <c>kill -9</c> does, and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
    }

    /// <summary>What the process wrote on standard error (after it exited).</summary>
    public Task<string> StandardErrorAsync() => _stderr;

    public async ValueTask DisposeAsync()
    {
        Kill();
        await Task.WhenAll(_stderr, _stdout);
        Logs.SecretScanningLoggerProvider.Run.Scan("Governance.Api process", await _stdout + "\n" + await _stderr);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
