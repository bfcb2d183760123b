using System.Collections;
using System.Diagnostics;

namespace TestSupport.Cli;

/// <summary>
/// Runs the built <c>iamgov</c> (<c>iamgov.dll</c> beside the tests) as a process, as a user does: for what the process
/// environment decides (the AWS shared files, <c>HOME</c> and its SSO token cache), which AWSSDK.Core reads once per
/// process and keeps, so in-process runs cannot vary it.
/// </summary>
public static class CliProcess
{
    /// <summary>
    /// Runs <c>iamgov</c> with <paramref name="args"/> and waits (at most 60 s). The child gets the machine's environment
    /// without any <c>AWS_*</c> variable, with instance metadata off, and then <paramref name="environment"/>.
    /// </summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "iamgov.dll"), .. args])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && name.StartsWith("AWS_", StringComparison.Ordinal))
            {
                start.Environment.Remove(name);
            }
        }
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"iamgov {string.Join(' ', args)} did not exit within 60 s; it printed: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
