using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using TestSupport.Paths;

namespace Governance.Api.Tests.Deployment;

/// <summary>deploy/systemd/iamgov.service: its settings, and systemd's own security review of it where systemd-analyze is installed.</summary>
public sealed partial class SystemdUnitTests
{
    private static readonly string UnitFile = Path.Combine(RepositoryPaths.Root, "deploy", "systemd", "iamgov.service");

    /// <summary>The exposure level (0 to 10, lower is better) the unit must stay at or under; it scores 1.5 today.</summary>
    private const double MostExposure = 2.0;

    [Fact]
    public void The_unit_runs_hardened_as_its_own_user_with_the_data_folder_as_its_state_directory()
    {
        var settings = Settings();
        foreach (var (key, value) in new[]
        {
            ("Type", "notify"), ("User", "iamgov"), ("StateDirectory", "iamgov"), ("StateDirectoryMode", "0700"), ("UMask", "0077"),
            ("ProtectSystem", "strict"), ("ProtectHome", "yes"), ("PrivateTmp", "yes"), ("PrivateDevices", "yes"),
            ("NoNewPrivileges", "yes"), ("CapabilityBoundingSet", ""), ("RestrictAddressFamilies", "AF_UNIX AF_INET AF_INET6"),
            ("SystemCallFilter", "@system-service"), ("ProtectKernelTunables", "yes"), ("ProtectKernelModules", "yes"),
            ("ProtectKernelLogs", "yes"), ("LockPersonality", "yes"), ("Restart", "on-failure"),
            ("EnvironmentFile", "-/etc/iamgov/iamgov.env"),
        })
        {
            Assert.True(settings.Contains((key, value)), $"{key}={value} missing from the unit");
        }
        // %S is /var/lib for a system service: the data folder is the state directory systemd creates and owns for the user.
        Assert.Contains(("Environment", "Governance__DataDirectory=%S/iamgov"), settings);
        // .NET's JIT needs memory it writes and then executes.
        Assert.DoesNotContain(settings, s => s.Key == "MemoryDenyWriteExecute");
    }

    [SkippableFact]
    public async Task Systemd_rates_the_unit_as_little_exposed()
    {
        Skip.IfNot(OnPath("systemd-analyze"), "systemd-analyze is not installed (Debian: apt-get install systemd); it reviews the unit offline");
        var start = new ProcessStartInfo("systemd-analyze", ["security", "--offline=true", "--no-pager", UnitFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        var level = ExposureLevel().Match(output);
        Assert.True(level.Success, $"no exposure level in systemd-analyze's answer (exit {process.ExitCode}): {output}");
        var exposure = double.Parse(level.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(exposure <= MostExposure, $"exposure {exposure} is over {MostExposure}: {output}");
    }

    /// <summary>The unit's <c>key=value</c> lines, comments and section headers left out.</summary>
    private static List<(string Key, string Value)> Settings()
        => [.. File.ReadLines(UnitFile)
            .Where(line => line.Length > 0 && line[0] is not ('#' or ';' or '['))
            .Select(line => line.Split('=', 2))
            .Select(pair => (pair[0].Trim(), pair[1].Trim()))];

    private static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    [GeneratedRegex(@"Overall exposure level for \S+: ([0-9]+(?:\.[0-9]+)?)")]
    private static partial Regex ExposureLevel();
}
