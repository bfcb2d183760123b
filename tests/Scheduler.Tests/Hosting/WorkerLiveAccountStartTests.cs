using System.Diagnostics;
using TestSupport.Files;

namespace Scheduler.Tests.Hosting;

/// <summary>
/// The dedicated worker, started as a process with its account taken from IAM: on a fresh data folder it must read the
/// account before running any job, and stop with one clear line when IAM cannot be reached, rather than audit the
/// demo seed as if it were the account.
/// </summary>
public sealed class WorkerLiveAccountStartTests : IDisposable
{
    private readonly TempFolder _data = TempFolder.Reserve();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Start_FreshDataFolderAndIamUnreachable_ExitsOneWithoutUsingTheSeed()
    {
        // Arrange: test keys, and an IAM endpoint on a loopback port nothing listens on.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Scheduler.Worker.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var environment = start.Environment;
        environment["Governance__DataDirectory"] = _data;
        environment["Governance__Account__Source"] = "Aws";
        environment["Governance__Provisioning__Mode"] = "Aws";
        environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
        environment["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
        environment["AWS_REGION"] = "us-east-1";
        environment["AWS_ENDPOINT_URL_IAM"] = "http://127.0.0.1:9";
        environment["AWS_CONFIG_FILE"] = Path.Combine(_data, "no-config");
        environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_data, "no-credentials");

        // Act
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        var error = await stderr;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cannot start", error, StringComparison.Ordinal);
        Assert.Contains("could not be read from IAM", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "account.json")), "the demo seed must not stand in for the account");
    }
}
