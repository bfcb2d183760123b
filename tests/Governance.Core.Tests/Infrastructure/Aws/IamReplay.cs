using Amazon.Runtime;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Iam;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Core.Tests.Infrastructure.Aws;

/// <summary>A loopback IAM: the replay endpoint, a client pointed at it through AWS_ENDPOINT_URL_IAM, a fake clock, and the retry delays asked for.</summary>
internal sealed class IamReplay : IAsyncDisposable
{
    public static readonly SigV4Credentials Keys = SigV4Credentials.Example;
    public static readonly SigV4Credentials SessionKeys = new("ASIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEXAMPLETOKEN");

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    private IamReplay(ReplayServer server, SigV4Credentials keys)
    {
        Server = server;
        Credentials = keys;
        var environment = AwsEnvironment.Of(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_IAM"] = server.Endpoint.ToString(),
            ["AWS_REGION"] = "eu-west-1",
        });
        var (endpoint, error) = IamEndpoint.Resolve(new AwsConnection(), environment);
        Assert.Null(error);
        AWSCredentials credentials = keys.SessionToken is null
            ? new BasicAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey)
            : new SessionAWSCredentials(keys.AccessKeyId, keys.SecretAccessKey, keys.SessionToken);
        Client = new IamClient(_http, endpoint!, credentials, Time, delay: (d, _) =>
        {
            Delays.Add(d);
            return Task.CompletedTask;
        }, random: new Random(7));
    }

    public ReplayServer Server { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public List<TimeSpan> Delays { get; } = [];

    public IamClient Client { get; }

    /// <summary>The keys the client signs with.</summary>
    public SigV4Credentials Credentials { get; }

    public static async Task<IamReplay> StartAsync(SigV4Credentials? keys = null)
        => new(await ReplayServer.StartAsync(), keys ?? Keys);

    /// <summary>Every request the endpoint received is a valid SigV4 request for IAM (us-east-1) with the keys and the fake clock.</summary>
    public void AssertEveryRequestSigned()
    {
        Assert.NotEmpty(Server.Requests);
        foreach (var request in Server.Requests)
        {
            var verification = SigV4Verifier.Verify(request, Credentials, "iam", "us-east-1", Time.GetUtcNow());
            Assert.True(verification.IsValid, verification.ToString());
            Assert.Equal("20260301T090000Z", request.Header("X-Amz-Date"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Server.DisposeAsync();
    }
}
