using System.Diagnostics;
using TestSupport.Files;

namespace Governance.Api.Tests.Setup;

/// <summary>The service started as an operator starts it, as a process, with settings it must refuse.</summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempFolder _data = TempFolder.Reserve();

    public void Dispose() => _data.Dispose();

    [Theory]
    [InlineData("Governance__Account__Source", "Aws", "Governance:Account:Source")]
    [InlineData("Governance__Provisioning__Mode", "Cloud", "`Cloud`")]
    [InlineData("Governance__AccountSnapshotSeed", "/nonexistent/account.json", "/nonexistent/account.json")]
    [InlineData("Governance__Database__Provider", "Postgres", "Governance:Database:ConnectionString is required")]
    [InlineData("Governance__Scheduler__DriftAudit__TimeZone", "Mars/Base", "`Mars/Base`")]
    [InlineData("Governance__Requests__PendingTtl", "-1.00:00:00", "Governance:Requests:PendingTtl must be positive")]
    [InlineData("Governance__Organization__Source", "Aws", "Governance:Organization:Source=Aws needs Governance:Provisioning:Mode=Aws")]
    [InlineData("Governance__OrganizationSnapshot", "/nonexistent/org", "/nonexistent/org")]
    public async Task Start_SettingItMustRefuse_ExitsOneWithOneLineAndNoStackTrace(string variable, string value, string named)
    {
        // Arrange
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Governance.Api.dll"), "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Governance__DataDirectory"] = _data;
        start.Environment["Governance__Scheduler__Enabled"] = "false";
        start.Environment[variable] = value;

        // Act
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        // Assert
        var error = await stderr;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cannot start", error, StringComparison.Ordinal);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + await stdout, StringComparison.Ordinal);
    }
}
