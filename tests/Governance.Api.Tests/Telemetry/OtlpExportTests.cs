using System.Net;
using System.Text;
using Governance.Api.Tests.Infrastructure;
using TestSupport.Files;

namespace Governance.Api.Tests.Telemetry;

/// <summary>With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the service exports its traces to it by OTLP/HTTP.</summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task ApiCall_WithOtlpEndpointSet_ExportsItsSpanAsProtobuf()
    {
        // Arrange
        await using var receiver = await OtlpReceiver.StartAsync();
        using var data = TempFolder.Create();
        await using var factory = new GovernanceApiFactory(TestDatabase.Sqlite(data.Path), data.Path, builder =>
        {
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint.ToString());
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100");
        });
        var alice = factory.ClientFor(TestUsers.New("alice"), "engineer");

        // Act
        var response = await alice.GetAsync("/v1/permission-sets");
        var route = Encoding.UTF8.GetBytes("/v1/permission-sets");
        (string Path, string? ContentType, byte[] Body)? traces = null;
        for (var i = 0; i < 200 && traces is null; i++)
        {
            traces = receiver.Exports.FirstOrDefault(e => e.Path == "/v1/traces" && e.Body.AsSpan().IndexOf(route) >= 0) is { Body: not null } found ? found : null;
            await Task.Delay(50);
        }

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(traces is not null, $"no trace of the call reached the receiver; it got: {string.Join(", ", receiver.Exports.Select(e => e.Path))}");
        Assert.Equal("application/x-protobuf", traces!.Value.ContentType);
        Assert.True(traces.Value.Body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(global::Governance.Api.Setup.TelemetrySetup.ServiceName)) >= 0, "the resource names the service");
    }
}
