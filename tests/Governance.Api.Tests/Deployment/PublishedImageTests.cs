using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Governance.Api.Tests.Deployment;

/// <summary>
/// The published application started as the image starts it (its ENTRYPOINT, ENV and WORKDIR; as an unprivileged user
/// when the tests run as root): it serves, writes only its data folder, and its <c>--health-check</c> mode answers for it.
/// </summary>
public sealed class PublishedImageTests(PublishedImage image) : IClassFixture<PublishedImage>
{
    /// <summary><c>nobody</c>, standing for the image's <c>app</c> user: it owns neither the application folder nor the machine.</summary>
    private const string UnprivilegedId = "65534";

    [Fact]
    public async Task The_entrypoint_serves_ready_writes_only_the_data_folder_and_the_health_check_answers_for_it()
    {
        var entrypoint = image.File.Final.Entrypoint;
        Assert.True(File.Exists(image.OnHost(entrypoint[1])), $"the publish output has no {entrypoint[1]}");
        var before = Snapshot(image.AppFolder);
        var dataParent = Path.Combine(image.Root, "volume");
        Directory.CreateDirectory(dataParent);
        var dataDirectory = Path.Combine(dataParent, "data");
        await HandOverAsync(dataParent);
        var port = FreePort();
        var environment = new Dictionary<string, string>(image.File.Final.Environment)
        {
            // A free port rather than the image's, which another process on this machine may hold; same variable.
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Governance__DataDirectory"] = dataDirectory,
            ["Governance__PoliciesDirectory"] = image.OnHost(image.File.Final.Environment["Governance__PoliciesDirectory"]),
            ["Governance__Scheduler__Enabled"] = "false",
        };
        using (var service = Start(entrypoint, [], environment))
        {
            var output = Task.WhenAll(service.StandardOutput.ReadToEndAsync(), service.StandardError.ReadToEndAsync());
            try
            {
                await WaitUntilReadyAsync(service, port, output);
                var check = image.File.Final.HealthCheckCommand;
                Assert.Equal(0, await RunToExitAsync(check, $"http://127.0.0.1:{port}/health/ready"));
                Assert.Equal(1, await RunToExitAsync(check, $"http://127.0.0.1:{FreePort()}/health/ready"));
            }
            finally
            {
                service.Kill(entireProcessTree: true);
                await service.WaitForExitAsync();
                await output;
            }
        }
        Assert.Equal(before, Snapshot(image.AppFolder));
        Assert.NotEmpty(Directory.EnumerateFileSystemEntries(dataDirectory));
    }

    [Fact]
    public async Task The_health_check_refuses_anything_but_one_absolute_http_url()
    {
        var check = image.File.Final.HealthCheckCommand;
        Assert.Equal(1, await RunToExitAsync(check, "/health/ready"));
        Assert.Equal(1, await RunToExitAsync(check, "file:///etc/passwd"));
    }

    /// <summary>Runs <paramref name="command"/> (an image command) with its last argument replaced by <paramref name="url"/>.</summary>
    private async Task<int> RunToExitAsync(IReadOnlyList<string> command, string url)
    {
        using var process = Start(command.Take(command.Count - 1).ToList(), [url], new Dictionary<string, string>());
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return process.ExitCode;
    }

    /// <summary>Starts an image command (its paths under /app mapped to the copy) in the image's WORKDIR, unprivileged when root.</summary>
    private Process Start(IReadOnlyList<string> command, IEnumerable<string> extra, IReadOnlyDictionary<string, string> environment)
    {
        string[] arguments = [.. command.Skip(1).Select(a => a.StartsWith(PublishedImage.PublishOutput + "/", StringComparison.Ordinal) ? image.OnHost(a) : a), .. extra];
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv", ["--reuid", UnprivilegedId, "--regid", UnprivilegedId, "--clear-groups", command[0], .. arguments])
            : new ProcessStartInfo(command[0], arguments);
        start.WorkingDirectory = image.OnHost(image.File.Final.WorkingDirectory);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["HOME"] = image.Root;
        start.Environment["DOTNET_CLI_HOME"] = image.Root;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return Process.Start(start)!;
    }

    private static async Task WaitUntilReadyAsync(Process service, int port, Task<string[]> output)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var wait = 0; wait < 900; wait++)
        {
            if (service.HasExited)
            {
                Assert.Fail($"the service exited with {service.ExitCode} at start: {string.Join('\n', await output)}");
            }
            try
            {
                if ((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/ready"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        Assert.Fail("the service was not ready within 90 s");
    }

    /// <summary>Every entry under <paramref name="folder"/> with its size and last write time.</summary>
    private static List<string> Snapshot(string folder)
        => [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
            .Select(e => $"{Path.GetRelativePath(folder, e.FullName)} {(e as FileInfo)?.Length} {e.LastWriteTimeUtc:O}")
            .Order(StringComparer.Ordinal)];

    private static async Task HandOverAsync(string folder)
    {
        if (Environment.UserName != "root")
        {
            return;
        }
        using var chown = Process.Start("chown", [$"{UnprivilegedId}:{UnprivilegedId}", folder])!;
        await chown.WaitForExitAsync();
        Assert.Equal(0, chown.ExitCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
