using System.Text.Json;
using Governance.Api.Endpoints;
using Microsoft.AspNetCore.Http;
using TestSupport.Paths;

namespace Governance.Api.Tests.Endpoints;

/// <summary>A simulate batch whose client hung up stops between cases rather than deciding them all.</summary>
public sealed class SimulationCancellationTests
{
    [Fact]
    public async Task Simulate_RequestAborted_StopsBeforeDecidingAnyCaseAndWritesNothing()
    {
        // Arrange: the endpoint's token is the request's RequestAborted, cancelled when the client hangs up
        var lines = File.ReadLines(TestData.Path("conformance", "edge-cases.jsonl")).Where(static l => l.Length > 0).Take(50);
        using var body = JsonDocument.Parse($"{{\"cases\":[{string.Join(',', lines)}]}}");
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();

        // Act
        var result = (IResult)SimulationEndpoints.Simulate(body.RootElement, new Governance.Core.Telemetry.GovernanceMetrics(null, null), aborted.Token).Result;

        // Assert
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => result.ExecuteAsync(http));
        Assert.Equal(0, http.Response.Body.Length);
    }
}
