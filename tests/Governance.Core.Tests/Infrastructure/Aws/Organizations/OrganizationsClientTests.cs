using System.Text.Json.Nodes;
using Amazon.Runtime;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Organizations;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Core.Tests.Infrastructure.Aws.Organizations;

public sealed class OrganizationsClientTests : IAsyncLifetime, IDisposable
{
    private static readonly SigV4Credentials Keys = SigV4Credentials.Example;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private readonly List<TimeSpan> _delays = [];
    private ReplayServer _server = null!;
    private OrganizationsClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayServer.StartAsync();
        var (endpoint, error) = OrganizationsEndpoint.Resolve("eu-west-1",
            AwsEnvironment.Of(new Dictionary<string, string> { ["AWS_ENDPOINT_URL_ORGANIZATIONS"] = _server.Endpoint.ToString() }));
        Assert.Null(error);
        _client = new OrganizationsClient(_http, endpoint!, new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey), _time, delay: (d, _) =>
        {
            _delays.Add(d);
            return Task.CompletedTask;
        });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _http.Dispose();

    private static ReplayResponse Json(string body) => new(200, body, "application/x-amz-json-1.1", "rid");

    [Fact]
    public async Task CallAsync_SignsJsonRequestForOrganizationsInUsEast1()
    {
        _server.Enqueue(Json("""{"Organization":{"Id":"o-exampleorgid","MasterAccountId":"111111111111"}}"""));

        var result = await _client.CallAsync("DescribeOrganization", [], CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal("o-exampleorgid", (string?)result.Value["Organization"]!["Id"]);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("AWSOrganizationsV20161128.DescribeOrganization", request.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", request.Header("Content-Type"));
        Assert.Equal("{}", request.BodyText);
        var verification = SigV4Verifier.Verify(request, Keys, "organizations", "us-east-1", _time.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Contains("x-amz-target", request.Header("Authorization")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAllAsync_PagesUntilNoNextToken_SendingEachToken()
    {
        _server.Enqueue(Json("""{"Accounts":[],"NextToken":"t1"}"""));
        _server.Enqueue(Json("""{"Accounts":[{"Id":"222222222222"}],"NextToken":"t2"}"""));
        _server.Enqueue(Json("""{"Accounts":[{"Id":"333333333333"}]}"""));

        var result = await _client.ListAllAsync("ListAccountsForParent", new JsonObject { ["ParentId"] = "r-examplerootid111" }, "Accounts", CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(["222222222222", "333333333333"], result.Value.Select(a => (string)a["Id"]!));
        Assert.Equal(["""{"ParentId":"r-examplerootid111"}""", """{"ParentId":"r-examplerootid111","NextToken":"t1"}""",
            """{"ParentId":"r-examplerootid111","NextToken":"t2"}"""], _server.Requests.Select(r => r.BodyText));
    }

    [Fact]
    public async Task ListAllAsync_TokenRepeated_FailsInsteadOfLooping()
    {
        _server.Enqueue(Json("""{"Roots":[],"NextToken":"same"}"""));
        _server.Enqueue(Json("""{"Roots":[],"NextToken":"same"}"""));

        var result = await _client.ListAllAsync("ListRoots", [], "Roots", CancellationToken.None);

        Assert.Equal("RepeatedNextToken", result.Error?.Code);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task CallAsync_Throttled_RetriesWithBackoffThenSucceeds()
    {
        _server.Enqueue(new ReplayResponse(400, """{"__type":"TooManyRequestsException","Message":"Rate exceeded"}""", "application/x-amz-json-1.1", "rid-1"));
        _server.Enqueue(new ReplayResponse(500, """{"__type":"ServiceException","Message":"internal"}""", "application/x-amz-json-1.1", "rid-2"));
        _server.Enqueue(Json("""{"Roots":[]}"""));

        var result = await _client.CallAsync("ListRoots", [], CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Equal(2, _delays.Count);
    }

    [Fact]
    public async Task CallAsync_AccessDenied_ErrorWithCodeMessageAndRequestIdNotRetried()
    {
        // The JSON protocols may prefix the type with its namespace, and spell the message in lower case.
        _server.Enqueue(new ReplayResponse(400,
            """{"__type":"com.amazonaws.organizations#AccessDeniedException","message":"You don't have permissions to access this resource."}""",
            "application/x-amz-json-1.1", "rid-denied"));

        var result = await _client.CallAsync("ListRoots", [], CancellationToken.None);

        Assert.Equal(new AwsCallError("Organizations", "ListRoots", "AccessDeniedException", "You don't have permissions to access this resource.", "rid-denied", 400),
            result.Error);
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task CallAsync_ErrorTypeOnlyInHeader_ReadsIt()
    {
        _server.Enqueue(new ReplayResponse(400, "", "application/x-amz-json-1.1", "rid",
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "AWSOrganizationsNotInUseException:http://internal.amazon.com/" }));

        var result = await _client.CallAsync("DescribeOrganization", [], CancellationToken.None);

        Assert.Equal("AWSOrganizationsNotInUseException", result.Error?.Code);
    }

    [Theory]
    [InlineData(null, "https://organizations.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("eu-west-1", "https://organizations.us-east-1.amazonaws.com/", "us-east-1")]
    [InlineData("cn-north-1", "https://organizations.cn-northwest-1.amazonaws.com.cn/", "cn-northwest-1")]
    [InlineData("us-gov-east-1", "https://organizations.us-gov-west-1.amazonaws.com/", "us-gov-west-1")]
    public void Resolve_Partition_GlobalEndpoint(string? region, string url, string signingRegion)
    {
        var (endpoint, error) = OrganizationsEndpoint.Resolve(region, AwsEnvironment.Of(new Dictionary<string, string>()));

        Assert.Null(error);
        Assert.Equal((url, signingRegion), (endpoint!.Url.ToString(), endpoint.SigningRegion));
    }

    [Fact]
    public void Resolve_EndpointNotUrl_NamesTheVariable()
    {
        var (_, error) = OrganizationsEndpoint.Resolve(null, AwsEnvironment.Of(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "not a url" }));

        Assert.Equal("endpoint URL `not a url` (AWS_ENDPOINT_URL_ORGANIZATIONS or AWS_ENDPOINT_URL) is not an http or https URL", error);
    }
}
