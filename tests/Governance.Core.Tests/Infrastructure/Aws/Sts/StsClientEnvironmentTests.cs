using AwsReplay;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Sts;
using Governance.Core.Results;
using Governance.Core.Workflow.Credentials;
using TestSupport.Aws;

namespace Governance.Core.Tests.Infrastructure.Aws.Sts;

/// <summary>The production client (<see cref="StsRoleSessionIssuer.CreateClient"/>) finds its endpoint, region and
/// credentials where every AWS SDK looks: AWSSDK.Core reads them, and these tests show it does.</summary>
public sealed class StsClientEnvironmentTests : IAsyncLifetime
{
    private static readonly SigV4Credentials SessionKeys = new("ASIAENVEXAMPLE", "env/K7MDENG+bPxRfiCYEXAMPLEKEY", "FwoGZXIvYXdzEXAMPLEenvTOKEN");
    private static readonly SigV4Credentials OtherKeys = new("AKIAOTHEREXAMPLE", "other/K7MDENG+bPxRfiCYEXAMPLEKEY");

    private static readonly RoleSessionRequest Request = new("arn:aws:iam::111122223333:role/data-engineer",
        "grant-0195a1b2-3c4d-7e5f-8a9b-0c1d2e3f4a5b", "alice", """{"Version":"2012-10-17","Statement":[]}""", 900);

    private ReplayServer _sts = null!;
    private ReplayServer _general = null!;

    public async Task InitializeAsync()
    {
        _sts = await ReplayServer.StartAsync();
        _general = await ReplayServer.StartAsync();
        _sts.Handle(static r => r.Action == "AssumeRole" ? StsResponses.AssumeRole() : null);
        _general.Handle(static r => r.Action == "AssumeRole" ? StsResponses.AssumeRole() : null);
    }

    public async Task DisposeAsync()
    {
        await _sts.DisposeAsync();
        await _general.DisposeAsync();
    }

    private static async Task<Outcome<SessionCredentials>> AssumeWithDefaultClientAsync(AwsConnection? connection = null)
    {
        using var issuer = new StsRoleSessionIssuer(() => StsRoleSessionIssuer.CreateClient(connection ?? new AwsConnection()));
        return await issuer.AssumeRoleAsync(Request, CancellationToken.None);
    }

    private static string Url(ReplayServer server) => server.Endpoint.ToString().TrimEnd('/');

    [Fact]
    public async Task DefaultClient_EnvironmentCredentialsAndStsEndpoint_SignsWithThemForTheRegion()
    {
        await using (await AwsEnvironmentScope.SetAsync(
            _sts.EnvironmentVariables(SessionKeys, "eu-west-1").ToDictionary(v => v.Key, v => (string?)v.Value), AwsSdkCaches.Reset))
        {
            var result = await AssumeWithDefaultClientAsync();

            Assert.True(result.Success, result.Error?.Detail);
        }

        var verification = SigV4Verifier.Verify(Assert.Single(_sts.Requests), SessionKeys, "sts", "eu-west-1", TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Fact]
    public async Task DefaultClient_StsAndGeneralEndpoints_StsSpecificOneWins()
    {
        await using (await AwsEnvironmentScope.SetAsync(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = Url(_general),
            ["AWS_ENDPOINT_URL_STS"] = Url(_sts),
            ["AWS_ACCESS_KEY_ID"] = OtherKeys.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = OtherKeys.SecretAccessKey,
            ["AWS_REGION"] = "eu-west-1",
        }, AwsSdkCaches.Reset))
        {
            await AssumeWithDefaultClientAsync();
        }

        Assert.Single(_sts.Requests);
        Assert.Empty(_general.Requests);
    }

    [Fact]
    public async Task DefaultClient_GeneralEndpointOnly_IsUsed()
    {
        await using (await AwsEnvironmentScope.SetAsync(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = Url(_general),
            ["AWS_ACCESS_KEY_ID"] = OtherKeys.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = OtherKeys.SecretAccessKey,
            ["AWS_REGION"] = "eu-west-1",
        }, AwsSdkCaches.Reset))
        {
            var result = await AssumeWithDefaultClientAsync();

            Assert.True(result.Success, result.Error?.Detail);
        }

        var verification = SigV4Verifier.Verify(Assert.Single(_general.Requests), OtherKeys, "sts", "eu-west-1", TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task DefaultClient_NamedProfile_TakesItsCredentialsAndRegion()
    {
        await using (await AwsEnvironmentScope.SetAsync(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_STS"] = Url(_sts),
            ["AWS_PROFILE"] = AwsEnvironmentScope.ProfileName,
        }, AwsSdkCaches.Reset))
        {
            var result = await AssumeWithDefaultClientAsync();

            Assert.True(result.Success, result.Error?.Detail);
        }

        var profileKeys = new SigV4Credentials(AwsEnvironmentScope.ProfileAccessKeyId, AwsEnvironmentScope.ProfileSecretAccessKey);
        var verification = SigV4Verifier.Verify(Assert.Single(_sts.Requests), profileKeys, "sts", AwsEnvironmentScope.ProfileRegion,
            TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Fact]
    public async Task DefaultClient_ServiceRegionAndProfile_ComeBeforeTheEnvironment()
    {
        await using (await AwsEnvironmentScope.SetAsync(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_STS"] = Url(_sts),
            ["AWS_ACCESS_KEY_ID"] = OtherKeys.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = OtherKeys.SecretAccessKey,
            ["AWS_REGION"] = "eu-west-1",
        }, AwsSdkCaches.Reset))
        {
            var result = await AssumeWithDefaultClientAsync(new AwsConnection("ap-southeast-2", AwsEnvironmentScope.ProfileName));

            Assert.True(result.Success, result.Error?.Detail);
        }

        var profileKeys = new SigV4Credentials(AwsEnvironmentScope.ProfileAccessKeyId, AwsEnvironmentScope.ProfileSecretAccessKey);
        var verification = SigV4Verifier.Verify(Assert.Single(_sts.Requests), profileKeys, "sts", "ap-southeast-2", TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Fact]
    public async Task DefaultClient_NoRegionAndNoEndpoint_IsUnavailableNamingAwsRegion()
    {
        Outcome<SessionCredentials> result;
        await using (await AwsEnvironmentScope.SetAsync(new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = OtherKeys.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = OtherKeys.SecretAccessKey,
        }, AwsSdkCaches.Reset))
        {
            result = await AssumeWithDefaultClientAsync();
        }

        Assert.Equal(GovernanceErrorKind.Unavailable, result.Error?.Kind);
        Assert.Equal("aws-not-ready", result.Error?.Code);
        Assert.Contains("AWS_REGION", result.Error!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultClient_NoCredentialsAnywhere_IsUnavailableWithoutSendingAnything()
    {
        Outcome<SessionCredentials> result;
        await using (await AwsEnvironmentScope.SetAsync(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL_STS"] = Url(_sts),
            ["AWS_REGION"] = "eu-west-1",
        }, AwsSdkCaches.Reset))
        {
            result = await AssumeWithDefaultClientAsync();
        }

        Assert.Equal("aws-not-ready", result.Error?.Code);
        Assert.Contains("credentials", result.Error!.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_sts.Requests);
    }
}
