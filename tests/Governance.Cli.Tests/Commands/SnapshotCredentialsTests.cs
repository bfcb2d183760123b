using System.Security.Cryptography;
using System.Text;
using AwsReplay;
using AwsReplay.Iam;
using AwsReplay.SigV4;
using TestSupport.Cli;
using TestSupport.Files;

namespace Governance.Cli.Tests.Commands;

/// <summary>
/// <c>iamgov snapshot</c> with the credentials a shared AWS config gives: SSO profiles and <c>credential_process</c>,
/// run as a process with its own <c>HOME</c>, config and credentials files in a temp folder. No call leaves the
/// machine: IAM and the SSO portal are the local replay endpoint.
/// </summary>
public sealed class SnapshotCredentialsTests : IAsyncLifetime, IDisposable
{
    private const string SessionName = "corp";
    private const string StartUrl = "https://corp.awsapps.com/start";
    private const string SsoAccessToken = "sso-access-token-for-tests";

    private static readonly SigV4Credentials RoleKeys = new("ASIAROLEFROMSSO", "role/secret/from/sso/EXAMPLEKEY", "role-session-token");

    private readonly TempFolder _home = TempFolder.Create();
    private ReplayServer _aws = null!;

    public async Task InitializeAsync() => _aws = await ReplayServer.StartAsync();

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    public void Dispose() => _home.Dispose();

    private string ConfigFile => Path.Combine(_home, ".aws", "config");

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["HOME"] = _home,
        ["AWS_CONFIG_FILE"] = ConfigFile,
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_home, ".aws", "credentials"),
        ["AWS_ENDPOINT_URL_IAM"] = _aws.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_SSO"] = _aws.Endpoint.ToString(),
    };

    private void WriteConfig()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        File.WriteAllText(ConfigFile, $"""
            [profile sso]
            sso_session = {SessionName}
            sso_account_id = 111122223333
            sso_role_name = SecurityAudit
            region = eu-west-1

            [sso-session {SessionName}]
            sso_start_url = {StartUrl}
            sso_region = eu-west-1
            sso_registration_scopes = sso:account:access

            [profile failing]
            credential_process = sh -c "echo 'the vault is sealed' >&2; exit 1"
            region = eu-west-1

            """);
        File.WriteAllText(Path.Combine(_home, ".aws", "credentials"), "");
    }

    /// <summary>The token <c>aws sso login</c> leaves in <c>~/.aws/sso/cache</c>: named by the SHA-1 of the session's name.</summary>
    private void WriteCachedToken(DateTimeOffset expiresAt)
    {
        var cache = Path.Combine(_home, ".aws", "sso", "cache");
        Directory.CreateDirectory(cache);
#pragma warning disable CA5350 // SHA-1 is the cache's file naming, as the AWS CLI writes it, not a security use.
        var name = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(SessionName)));
#pragma warning restore CA5350
        File.WriteAllText(Path.Combine(cache, $"{name}.json"), $$"""
            {"startUrl":"{{StartUrl}}","region":"eu-west-1","accessToken":"{{SsoAccessToken}}","expiresAt":"{{expiresAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}"}
            """);
    }

    [Fact]
    public async Task Snapshot_SsoProfileWithoutCachedToken_OneLineSayingToLogInAndExitOne()
    {
        // Arrange
        WriteConfig();

        // Act
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Environment(), "snapshot", "--profile", "sso");

        // Assert
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("AWS profile `sso`", line, StringComparison.Ordinal);
        Assert.Contains("run aws sso login --profile sso", line, StringComparison.Ordinal);
        Assert.Empty(_aws.Requests);
    }

    [Fact]
    public async Task Snapshot_SsoProfileWithExpiredCachedToken_OneLineSayingToLogIn()
    {
        // Arrange
        WriteConfig();
        WriteCachedToken(DateTimeOffset.UnixEpoch.AddYears(40));

        // Act
        var (exit, _, stderr) = await CliProcess.RunAsync(Environment(), "snapshot", "--profile", "sso");

        // Assert
        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("run aws sso login --profile sso", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_AwsProfileVariableNamesSsoProfile_ReadAsTheProfile()
    {
        // Arrange: the SDK's default chain refuses SSO profiles; AWS_PROFILE is read as --profile is.
        WriteConfig();
        var environment = Environment();
        environment["AWS_PROFILE"] = "sso";

        // Act
        var (exit, _, stderr) = await CliProcess.RunAsync(environment, "snapshot");

        // Assert
        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("run aws sso login --profile sso", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_SsoProfileWithValidCachedToken_SignsWithTheRoleCredentialsTheSsoPortalGives()
    {
        // Arrange
        WriteConfig();
        WriteCachedToken(DateTimeOffset.UnixEpoch.AddYears(100));
        var expiration = DateTimeOffset.UnixEpoch.AddYears(100).ToUnixTimeMilliseconds();
        _aws.Handle(r => r.Path == "/federation/credentials"
            ? ReplayResponse.Json($$$"""
                {"roleCredentials":{"accessKeyId":"{{{RoleKeys.AccessKeyId}}}","secretAccessKey":"{{{RoleKeys.SecretAccessKey}}}","sessionToken":"{{{RoleKeys.SessionToken}}}","expiration":{{{expiration}}}}}
                """)
            : null);
        var (first, second) = IamSamples.AccountAuthorizationDetailsPages();
        _aws.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(first, "page-1"));
        _aws.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(second, "page-2"));

        // Act
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Environment(), "snapshot", "--profile", "sso");

        // Assert
        Assert.True(exit == 0, stderr);
        Assert.Contains("UserDetailList", stdout, StringComparison.Ordinal);
        var portal = Assert.Single(_aws.Requests, static r => r.Path == "/federation/credentials");
        Assert.Equal(SsoAccessToken, portal.Header("x-amz-sso_bearer_token"));
        Assert.Contains("account_id=111122223333", portal.Query, StringComparison.Ordinal);
        Assert.Contains("role_name=SecurityAudit", portal.Query, StringComparison.Ordinal);
        var iam = _aws.RequestsFor("GetAccountAuthorizationDetails");
        Assert.Equal(2, iam.Count);
        Assert.All(iam, r =>
        {
            var verification = SigV4Verifier.Verify(r, RoleKeys, "iam", "us-east-1");
            Assert.True(verification.IsValid, verification.ToString());
        });
    }

    [Fact]
    public async Task Snapshot_CredentialProcessFails_OneLineNamingTheProfileAndItsError()
    {
        // Arrange
        WriteConfig();

        // Act
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Environment(), "snapshot", "--profile", "failing");

        // Assert
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("credential_process of AWS profile `failing` failed", line, StringComparison.Ordinal);
        Assert.Contains("the vault is sealed", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snapshot_ProfileThatDoesNotExist_OneLineNamingIt()
    {
        // Arrange
        WriteConfig();

        // Act
        var (exit, _, stderr) = await CliProcess.RunAsync(Environment(), "snapshot", "--profile", "nope");

        // Assert
        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("iamgov: no AWS profile `nope` with credentials in the shared config or credentials file", line);
    }

    [Theory]
    [InlineData("sso")]
    [InlineData("failing")]
    [InlineData("nope")]
    public async Task SnapshotOrg_ProfileWithoutCredentials_OneLineAndNoStackTrace(string profile)
    {
        // Arrange
        WriteConfig();

        // Act
        var (exit, _, stderr) = await CliProcess.RunAsync(Environment(), "snapshot", "--org", "--output-dir", Path.Combine(_home, "org"), "--profile", profile);

        // Assert
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"`{profile}`", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
