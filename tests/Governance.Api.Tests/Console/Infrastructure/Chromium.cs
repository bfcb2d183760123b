using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>Debian's Chromium, which <c>.ci/run</c> installs with apt, launched as this machine's closed network needs.</summary>
internal static class Chromium
{
    /// <summary>Where the browser is: <c>IAMGOV_TEST_CHROMIUM</c>, else Debian's path.</summary>
    public static string ExecutablePath => Environment.GetEnvironmentVariable("IAMGOV_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null.</summary>
    public static string? UnavailableReason()
        => File.Exists(ExecutablePath) ? null : $"no Chromium at {ExecutablePath}: install Debian's (apt-get install chromium), as .ci/run does, or set IAMGOV_TEST_CHROMIUM";

    /// <summary>
    /// Headless, without the sandbox (CI runs as root) or the GPU, and without the background calls to Google's services
    /// that this machine's closed network refuses by the dozen.
    /// </summary>
    public static BrowserTypeLaunchOptions LaunchOptions() => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        ],
    };
}
