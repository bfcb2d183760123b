using Governance.Api.Tests.Infrastructure.Logs;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Telemetry;

/// <summary>
/// The run-wide log scan's verdict, given once the parallel tests are done (<see cref="SerialCollection"/>). Each service
/// host also checks the scan when it is disposed (<see cref="Infrastructure.GovernanceApiFactory.DisposeAsync"/>), so a
/// secret logged by a test that ends after this one still fails the run, in that test or its class fixture.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class RunLogScanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunLogs_OfEveryHostSoFar_HoldNoSecret()
    {
        // Arrange: a host of its own, so that the scan has read lines even when this test runs alone
        using var data = TestSupport.Files.TempFolder.Create();
        await using (var factory = new Infrastructure.GovernanceApiFactory(Infrastructure.TestDatabase.Sqlite(data.Path), data.Path))
        {
            using var response = await factory.ClientFor("scan-check", "engineer").GetAsync("/v1/permission-sets");
        }
        var run = SecretScanningLoggerProvider.Run;

        // Act + Assert
        output.WriteLine($"the scan read {run.Lines} log lines and knows {run.Secrets} secrets");
        Assert.True(run.Lines > 0, "the run's hosts logged to the scan");
        Assert.True(run.Secrets > 0, "the run registered its secrets");
        run.AssertClean();
    }
}
