using System.Diagnostics;
using System.Reflection;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Packaging;

/// <summary>
/// <c>iamgov</c> packed as a .NET tool and installed from that package alone, as the README tells a newcomer, once for
/// the tests that share it. The pack takes the build the tests already have (<c>--no-build</c>, the tests'
/// configuration), and the install sees only the temp folder as a source, so it runs offline and cannot pick up a
/// package of the same name elsewhere.
/// </summary>
public sealed class InstalledTool : IAsyncLifetime
{
    private readonly TempFolder _folder = TempFolder.Create();

    /// <summary>The <c>.nupkg</c> file <c>dotnet pack</c> wrote.</summary>
    public string Package { get; private set; } = "";

    /// <summary>The installed command, <c>TOOLPATH/iamgov</c>.</summary>
    public string Command => Path.Combine(_folder.Path, "tools", OperatingSystem.IsWindows() ? "iamgov.exe" : "iamgov");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var packages = Path.Combine(_folder.Path, "packages");
        var configuration = typeof(InstalledTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        await DotnetAsync("pack", Path.Combine(RepositoryPaths.Root, "src", "Governance.Cli"), "--no-build", "-c", configuration, "-o", packages,
            "-p:PublishDir=" + Path.Combine(_folder.Path, "publish") + Path.DirectorySeparatorChar);
        Package = Assert.Single(Directory.GetFiles(packages, "iamgov.*.nupkg"));
        var config = Path.Combine(_folder.Path, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        await DotnetAsync("tool", "install", "--tool-path", Path.Combine(_folder.Path, "tools"), "--configfile", config, "iamgov");
    }

    /// <summary>Runs the installed command from <paramref name="workingDirectory"/> and waits (at most 60 s).</summary>
    public Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string workingDirectory, params string[] args)
        => RunAsync(Command, workingDirectory, args);

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private async Task DotnetAsync(params string[] args)
    {
        var (code, stdout, stderr) = await RunAsync("dotnet", _folder.Path, args);
        Assert.True(code == 0, $"dotnet {string.Join(' ', args)} exited {code}:\n{stdout}\n{stderr}");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(file, args)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not exit within 120 s; it printed: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
