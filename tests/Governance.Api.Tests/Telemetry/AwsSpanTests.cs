using System.Text;
using AwsReplay;
using AwsReplay.Iam;
using AwsReplay.SigV4;
using Governance.Api.Tests.Infrastructure;
using Governance.Core.Infrastructure.Aws;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Api.Tests.Telemetry;

/// <summary>AWS calls, made over HttpClient, are traced as spans naming the AWS service and operation.</summary>
public sealed class AwsSpanTests
{
    [Fact]
    public async Task Start_AccountReadFromIam_ExportsASpanNamingIamAndTheOperation()
    {
        // Arrange: the service reads its account from the loopback IAM at start, and exports traces to the receiver
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var iam = await ReplayServer.StartAsync();
        var demo = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Policies, "demo-account.json"));
        iam.Handle(r => r.Action == "GetAccountAuthorizationDetails" ? ReplayResponse.Xml(IamSamples.AccountAuthorizationDetailsPage(demo, "gaad-1")) : null);
        using var data = TempFolder.Create();
        await using var factory = new GovernanceApiFactory(TestDatabase.Sqlite(data.Path), data.Path, builder =>
        {
            builder.UseSetting("Governance:Provisioning:Mode", "Aws");
            builder.UseSetting("Governance:Account:Source", "Aws");
            builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint.ToString());
            builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
            builder.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "100");
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<AwsEnvironment>();
                services.AddSingleton(AwsEnvironment.Of(iam.EnvironmentVariables(SigV4Credentials.Example, region: "eu-central-1")));
            });
        });

        // Act
        _ = factory.Server;
        var span = Encoding.UTF8.GetBytes("iam.GetAccountAuthorizationDetails");
        byte[]? traces = null;
        for (var i = 0; i < 200 && traces is null; i++)
        {
            traces = receiver.Exports.Where(e => e.Path == "/v1/traces").Select(e => e.Body).FirstOrDefault(b => b.AsSpan().IndexOf(span) >= 0);
            await Task.Delay(50);
        }

        // Assert
        Assert.Contains(iam.Requests, static r => r.Action == "GetAccountAuthorizationDetails");
        Assert.True(traces is not null, "no span named iam.GetAccountAuthorizationDetails reached the receiver");
        Assert.True(traces.AsSpan().IndexOf(Encoding.UTF8.GetBytes("aws-api")) >= 0, "rpc.system is aws-api");
        Assert.True(traces.AsSpan().IndexOf(Encoding.UTF8.GetBytes(SigV4Credentials.Example.AccessKeyId)) < 0, "the access key id stays out of the span");
    }
}
