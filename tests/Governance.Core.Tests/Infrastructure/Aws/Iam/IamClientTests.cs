using AwsReplay;
using AwsReplay.Iam;
using Governance.Core.Infrastructure.Aws.Iam;

namespace Governance.Core.Tests.Infrastructure.Aws.Iam;

public sealed class IamClientTests
{
    [Fact]
    public async Task GetRole_PublishedSample_ReadsRoleFromSignedFormPost()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("GetRole", ReplayResponse.Xml(IamSamples.Load("get-role.xml"), "df37e965-9967-11e1-a4c3-270EXAMPLE04"));

        var result = await iam.Client.GetRoleAsync("S3Access", CancellationToken.None);

        Assert.True(result.Success, result.Error?.Describe());
        Assert.Equal("arn:aws:iam::123456789012:role/application_abc/component_xyz/S3Access", result.Value.Arn);
        Assert.Equal("AROADBQP57FF2AEXAMPLE", result.Value.RoleId);
        Assert.Equal(["df37e965-9967-11e1-a4c3-270EXAMPLE04"], result.RequestIds);
        var request = Assert.Single(iam.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("S3Access", request.Parameters["RoleName"]);
        Assert.Equal("2010-05-08", request.Parameters["Version"]);
        iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task GetRole_SessionCredentials_SignsSecurityToken()
    {
        await using var iam = await IamReplay.StartAsync(IamReplay.SessionKeys);
        iam.Server.Enqueue("GetRole", ReplayResponse.Xml(IamSamples.Load("get-role.xml")));

        var result = await iam.Client.GetRoleAsync("S3Access", CancellationToken.None);

        Assert.True(result.Success, result.Error?.Describe());
        Assert.Equal(IamReplay.SessionKeys.SessionToken, iam.Server.Requests[0].Header("X-Amz-Security-Token"));
        iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task RequestId_NoHeader_ReadFromResponseMetadata()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("PutRolePolicy", ReplayResponse.Xml(IamSamples.Load("put-role-policy.xml")));

        var result = await iam.Client.PutRolePolicyAsync("S3Access", "S3AccessPolicy", """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}""", CancellationToken.None);

        Assert.True(result.Success);
        Assert.Equal(["7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"], result.RequestIds);
    }

    [Fact]
    public async Task PutRolePolicy_DocumentWithReservedCharacters_ArrivesIntact()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("PutRolePolicy", ReplayResponse.Xml(IamSamples.Load("put-role-policy.xml")));
        const string document = """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::a+b/c d&e=f%"}}""";

        await iam.Client.PutRolePolicyAsync("S3Access", "grant-1", document, CancellationToken.None);

        Assert.Equal(document, iam.Server.Requests[0].Parameters["PolicyDocument"]);
        iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task GetRolePolicy_UrlEncodedDocument_ReturnsDecodedJson()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("GetRolePolicy", ReplayResponse.Xml(IamSamples.EncodeDocuments(IamSamples.Load("get-role-policy.xml"))));

        var result = await iam.Client.GetRolePolicyAsync("S3Access", "S3AccessPolicy", CancellationToken.None);

        Assert.True(result.Success, result.Error?.Describe());
        using var json = System.Text.Json.JsonDocument.Parse(result.Value);
        Assert.Equal("s3:*", json.RootElement.GetProperty("Statement")[0].GetProperty("Action")[0].GetString());
        Assert.DoesNotContain("%22", result.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListRolePolicies_TwoPages_FollowsMarkerAndJoinsNames()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("ListRolePolicies", ReplayResponse.Xml("""
            <ListRolePoliciesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <ListRolePoliciesResult>
                <PolicyNames><member>grant-a</member></PolicyNames>
                <IsTruncated>true</IsTruncated>
                <Marker>page two/+=</Marker>
              </ListRolePoliciesResult>
              <ResponseMetadata><RequestId>page-1</RequestId></ResponseMetadata>
            </ListRolePoliciesResponse>
            """));
        iam.Server.Enqueue("ListRolePolicies", ReplayResponse.Xml(IamSamples.Load("list-role-policies.xml")));

        var result = await iam.Client.ListRolePoliciesAsync("S3Access", CancellationToken.None);

        Assert.True(result.Success, result.Error?.Describe());
        Assert.Equal(["grant-a", "CloudwatchPutMetricPolicy", "S3AccessPolicy"], result.Value);
        Assert.Equal(["page-1", "8c7e1816-99f0-11e1-a4c3-27EXAMPLE804"], result.RequestIds);
        Assert.False(iam.Server.Requests[0].Parameters.ContainsKey("Marker"));
        Assert.Equal("page two/+=", iam.Server.Requests[1].Parameters["Marker"]);
        iam.AssertEveryRequestSigned();
    }

    [Theory]
    [InlineData(400, "Throttling")]
    [InlineData(400, "RequestLimitExceeded")]
    [InlineData(500, "ServiceFailure")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Call_FailsOnceTransiently_RetriesAfterDelayAndSucceeds(int status, string code)
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("GetRole", ReplayResponse.QueryError(status, code, "Rate exceeded", "first-try"));
        iam.Server.Enqueue("GetRole", ReplayResponse.Xml(IamSamples.Load("get-role.xml"), "second-try"));

        var result = await iam.Client.GetRoleAsync("S3Access", CancellationToken.None);

        Assert.True(result.Success, result.Error?.Describe());
        Assert.Equal(["first-try", "second-try"], result.RequestIds);
        Assert.Equal(2, iam.Server.Requests.Count);
        var delay = Assert.Single(iam.Delays);
        Assert.InRange(delay, TimeSpan.Zero, AwsRetryPolicyCap(1));
        iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task Call_ThrottledEveryTime_StopsAfterMaxAttemptsWithThrottledError()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Handle(_ => ReplayResponse.QueryError(400, "Throttling", "Rate exceeded", "throttled"));

        var result = await iam.Client.GetRoleAsync("S3Access", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal(IamErrorKind.Throttled, result.Error.Kind);
        Assert.Equal(5, iam.Server.Requests.Count);
        Assert.Equal(4, iam.Delays.Count);
        for (var i = 0; i < iam.Delays.Count; i++)
            Assert.InRange(iam.Delays[i], TimeSpan.Zero, AwsRetryPolicyCap(i + 1));
        Assert.Contains("Throttling", result.Error.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "AccessDenied", IamErrorKind.AccessDenied)]
    [InlineData(404, "NoSuchEntity", IamErrorKind.NoSuchEntity)]
    [InlineData(400, "MalformedPolicyDocument", IamErrorKind.MalformedPolicyDocument)]
    [InlineData(409, "LimitExceeded", IamErrorKind.LimitExceeded)]
    [InlineData(400, "ValidationError", IamErrorKind.Other)]
    public async Task PutRolePolicy_AwsError_TypedErrorWithoutRetry(int status, string code, IamErrorKind kind)
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Enqueue("PutRolePolicy", ReplayResponse.QueryError(status, code, $"message for {code}", "rid-" + code));

        var result = await iam.Client.PutRolePolicyAsync("S3Access", "p", "{}", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal(new IamError(kind, code, $"message for {code}", "PutRolePolicy", "rid-" + code, status), result.Error);
        Assert.Single(iam.Server.Requests);
        Assert.Empty(iam.Delays);
        Assert.Equal($"IAM PutRolePolicy failed: {code} (HTTP {status}): message for {code}; request id rid-{code}", result.Error.Describe());
    }

    [Fact]
    public async Task Call_EndpointDown_UnavailableAfterRetries()
    {
        await using var iam = await IamReplay.StartAsync();
        await iam.Server.DisposeAsync();

        var result = await iam.Client.GetRoleAsync("S3Access", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal(IamErrorKind.Unavailable, result.Error.Kind);
        Assert.Equal("NetworkError", result.Error.Code);
        Assert.Equal(4, iam.Delays.Count);
    }

    [Fact]
    public async Task Call_NonXmlErrorBody_UnavailableWithStatus()
    {
        await using var iam = await IamReplay.StartAsync();
        iam.Server.Handle(_ => new ReplayResponse(502, "<html>bad gateway</html", "text/html"));

        var result = await iam.Client.GetRoleAsync("S3Access", CancellationToken.None);

        Assert.False(result.Success);
        Assert.Equal(IamErrorKind.Unavailable, result.Error.Kind);
        Assert.Equal(502, result.Error.HttpStatus);
    }

    private static TimeSpan AwsRetryPolicyCap(int retry)
        => TimeSpan.FromMilliseconds(Math.Min(20_000, 100 * Math.Pow(2, retry - 1)));
}
