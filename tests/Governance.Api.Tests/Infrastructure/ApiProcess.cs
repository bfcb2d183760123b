using System.Diagnostics;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The built API (<c>Governance.Api.dll</c>) started as an operator starts it, as a process, run until it exits.</summary>
internal static class ApiProcess
{
    /// <summary>The user id the API runs as when the tests run as root (<c>nobody</c>), so that file modes apply to it.</summary>
    private const string UnprivilegedId = "65534";

    /// <summary>
    /// Whether file modes stop this process: not for root, which reads and writes whatever the mode says. Tested on a
    /// file rather than read from the user name, so a container's other privileged users count too.
    /// </summary>
    public static bool ModesApplyToThisUser { get; } = ProbeModes();

    /// <summary>
    /// Starts the API with <paramref name="environment"/> and waits for it to exit (at most 90 s).
    /// </summary>
    /// <param name="environment">Variables set for the process, besides the data folder and the scheduler switch.</param>
    /// <param name="dataDirectory">The data folder (<c>Governance__DataDirectory</c>).</param>
    /// <param name="unprivileged">
    /// When the tests run as root, run the API as <c>nobody</c> (through <c>setpriv</c>) and hand it the data folder, so
    /// that a read-only folder or file is read-only to it; the modes inside the folder are kept.
    /// </param>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(
        IReadOnlyDictionary<string, string> environment, string dataDirectory, bool unprivileged = false)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Governance.Api.dll");
        var start = unprivileged && !ModesApplyToThisUser
            ? new ProcessStartInfo("setpriv", ["--reuid", UnprivilegedId, "--regid", UnprivilegedId, "--clear-groups", "dotnet", dll, "--urls", "http://127.0.0.1:0"])
            : new ProcessStartInfo("dotnet", [dll, "--urls", "http://127.0.0.1:0"]);
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.WorkingDirectory = AppContext.BaseDirectory;
        start.Environment["Governance__DataDirectory"] = dataDirectory;
        start.Environment["Governance__Scheduler__Enabled"] = "false";
        if (unprivileged && !ModesApplyToThisUser)
        {
            await HandOverAsync(dataDirectory);
            // nobody's home is not writable; the runtime needs none, but must not try root's.
            start.Environment["HOME"] = Path.GetTempPath();
            start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the API did not exit within 90 s; it printed: {await stderr}");
        }
        Logs.SecretScanningLoggerProvider.Run.Scan("Governance.Api process", await stdout + "\n" + await stderr);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Gives the data folder (if any) and what it holds to <see cref="UnprivilegedId"/>, keeping their modes.</summary>
    private static async Task HandOverAsync(string dataDirectory)
    {
        if (!Path.Exists(dataDirectory))
        {
            return;
        }
        using var chown = Process.Start("chown", ["-R", $"{UnprivilegedId}:{UnprivilegedId}", dataDirectory])!;
        await chown.WaitForExitAsync();
        Assert.True(chown.ExitCode == 0, $"chown of {dataDirectory} failed");
    }

    private static bool ProbeModes()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }
        var probe = Path.Combine(Path.GetTempPath(), $"iamgov-mode-probe-{Guid.NewGuid():N}");
        File.WriteAllText(probe, "x");
        try
        {
            File.SetUnixFileMode(probe, UnixFileMode.None);
            try
            {
                _ = File.ReadAllText(probe);
                return false;
            }
            catch (UnauthorizedAccessException)
            {
                return true;
            }
        }
        finally
        {
            File.Delete(probe);
        }
    }
}
