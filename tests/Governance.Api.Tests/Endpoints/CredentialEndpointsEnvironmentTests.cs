using System.Globalization;
using System.Net;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Api.Tests.Infrastructure;
using Governance.Cli;
using Governance.Core.Workflow.Credentials;
using TestSupport.Aws;
using TestSupport.Files;

namespace Governance.Api.Tests.Endpoints;

/// <summary>
/// The service as deployed: credential vending on, the STS client built the SDK's way from the <c>AWS_*</c> variables
/// (endpoint, credentials with a session token, region), and <c>iamgov credentials</c> calling the service over real
/// HTTP on loopback.
/// </summary>
public sealed class CredentialEndpointsEnvironmentTests : IAsyncLifetime
{
    private static readonly SigV4Credentials ServiceKeys = new("ASIASERVICEEXAMPLE", "svc/K7MDENG+bPxRfiCYEXAMPLEKEY", "IQoJb3JpZ2luX2VjEXAMPLEserviceTOKEN");

    // The published example's session token, its five lines joined.
    private const string PublishedToken =
        "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQW"
        + "LWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGd"
        + "QrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU"
        + "9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz"
        + "+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    private readonly TempFolder _dataDirectory = TempFolder.Create();
    private ReplayServer _sts = null!;

    public async Task InitializeAsync() => _sts = await ReplayServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _sts.DisposeAsync();
        _dataDirectory.Dispose();
    }

    private Task<AwsEnvironmentScope> ServiceEnvironmentAsync()
        => AwsEnvironmentScope.SetAsync(
            _sts.EnvironmentVariables(ServiceKeys, "us-west-2").ToDictionary(v => v.Key, v => (string?)v.Value), AwsSdkCaches.Reset);

    private GovernanceApiFactory LiveFactory(bool kestrel = false)
    {
        var factory = new GovernanceApiFactory(TestDatabase.Sqlite(_dataDirectory), _dataDirectory,
            builder => builder.UseSetting(CredentialVendingOptions.EnabledKey, "true"));
        if (kestrel)
        {
            factory.UseKestrel(0);
        }
        _sts.Handle(r => r.Action == "AssumeRole" && int.TryParse(r.Parameters.GetValueOrDefault("DurationSeconds"), out var seconds)
            ? StsResponses.AssumeRole(factory.Time.GetUtcNow().AddSeconds(seconds))
            : null);
        return factory;
    }

    [Fact]
    public async Task Issue_StsClientFromEnvironment_SignsWithTheServicesSessionCredentialsForItsRegion()
    {
        // Arrange
        await using var environment = await ServiceEnvironmentAsync();
        await using var factory = LiveFactory();
        var alice = factory.ClientFor(TestUsers.New("alice"), "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(factory, alice)).GetProperty("id").GetString()!;

        // Act
        var (response, body) = await CredentialRequests.IssueAsync(alice, grantId);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var verification = SigV4Verifier.Verify(Assert.Single(_sts.RequestsFor("AssumeRole")), ServiceKeys, "sts", "us-west-2",
            TimeProvider.System.GetUtcNow());
        Assert.True(verification.IsValid, verification.ToString());
    }

    [Fact]
    public async Task CredentialsCommand_AgainstTheService_PrintsCredentialProcessJson()
    {
        // Arrange
        await using var environment = await ServiceEnvironmentAsync();
        await using var factory = LiveFactory(kestrel: true);
        var subject = TestUsers.New("alice");
        using var alice = factory.ClientFor(subject, "engineer");
        var grantId = (await CredentialRequests.ActiveGrantAsync(factory, alice)).GetProperty("id").GetString()!;
        var token = TestTokens.Valid(factory.SigningKey, subject, "engineer");
        var api = alice.BaseAddress!.ToString();
        var expectedExpiration = factory.Time.GetUtcNow().AddSeconds(3600).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        // Act
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await Task.Run(() => CliApp.Run(["credentials", "--grant", grantId, "--api", api, "--token", token], stdout, stderr));

        // Assert
        Assert.True(exit == 0, stderr.ToString());
        Assert.StartsWith("http://127.0.0.1:", api, StringComparison.Ordinal);
        Assert.Equal(
            "{\"Version\":1,\"AccessKeyId\":\"ASIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY\","
            + $"\"SessionToken\":\"{PublishedToken}\",\"Expiration\":\"{expectedExpiration}\"}}\n",
            stdout.ToString());
        Assert.Empty(stderr.ToString());
    }
}
