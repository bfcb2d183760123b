using System.Text.Json;
using AwsReplay;
using AwsReplay.Iam;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws;
using TestSupport.Cli;
using TestSupport.Files;

namespace Governance.Cli.Tests.Commands;

public sealed class SnapshotCommandTests : IAsyncLifetime, IDisposable
{
    private static readonly SigV4Credentials Keys = SigV4Credentials.Example;

    private readonly TempFolder _folder = TempFolder.Create();
    private ReplayServer _iam = null!;

    public async Task InitializeAsync() => _iam = await ReplayServer.StartAsync();

    public async Task DisposeAsync() => await _iam.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var environment = AwsEnvironment.Of(_iam.EnvironmentVariables(Keys, region: "us-west-2"));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, environment);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void ReplaySamplePages()
    {
        var (first, second) = IamSamples.AccountAuthorizationDetailsPages();
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(first, "page-1"));
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(second, "page-2"));
    }

    [Fact]
    public void Snapshot_Out_WritesFileThatCanIReads()
    {
        ReplaySamplePages();
        var file = Path.Combine(_folder, "account.json");

        var (code, stdout, stderr) = Run("snapshot", "--output-file", file);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Contains("5 UserDetailList, 3 GroupDetailList, 1 RoleDetailList, 4 Policies", stderr, StringComparison.Ordinal);
        // Bob's inline policy, URL-encoded on the wire, denies iam:*: can-i answers no (exit 1) from the written file.
        var (canI, answer, _) = CliRunner.Run("can-i", "iam:CreateUser", "*", "--as", "user/Bob", "--account", file, "--output", "json");
        Assert.Equal(1, canI);
        using var decision = JsonDocument.Parse(answer);
        Assert.Equal("ExplicitDeny", decision.RootElement.GetProperty("decision").GetString());
        Assert.All(_iam.Requests, r =>
        {
            var verification = SigV4Verifier.Verify(r, Keys, "iam", "us-east-1");
            Assert.True(verification.IsValid, verification.ToString());
        });
    }

    [Fact]
    public void Snapshot_NoOut_PrintsSnapshotJson()
    {
        ReplaySamplePages();

        var (code, stdout, _) = Run("snapshot");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(5, json.RootElement.GetProperty("UserDetailList").GetArrayLength());
        Assert.Equal("Allow", json.RootElement.GetProperty("Policies")[1].GetProperty("PolicyVersionList")[0]
            .GetProperty("Document").GetProperty("Statement")[0].GetProperty("Effect").GetString());
    }

    [Fact]
    public void Snapshot_AccessDenied_ExitOneWithCodeRequestIdAndHint()
    {
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.QueryError(403, "AccessDenied",
            "User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: iam:GetAccountAuthorizationDetails", "rid-denied"));
        var file = Path.Combine(_folder, "account.json");

        var (code, _, stderr) = Run("snapshot", "--output-file", file);

        Assert.Equal(1, code);
        Assert.Contains("iamgov: IAM GetAccountAuthorizationDetails failed: AccessDenied (HTTP 403): User: arn:aws:iam::123456789012:user/Alice is not authorized", stderr, StringComparison.Ordinal);
        Assert.Contains("request id rid-denied", stderr, StringComparison.Ordinal);
        Assert.Contains("SecurityAudit", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(file), "nothing is written when IAM cannot be read");
    }

    [Theory]
    [InlineData(404, "NoSuchEntity")]
    [InlineData(400, "MalformedPolicyDocument")]
    [InlineData(409, "LimitExceeded")]
    public void Snapshot_OtherAwsError_ExitOneNamingTheCode(int status, string code)
    {
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.QueryError(status, code, "the message", "rid"));

        var (exit, stdout, stderr) = Run("snapshot");

        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        Assert.Contains($"failed: {code} (HTTP {status}): the message; request id rid", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_EndpointNotUrl_ExitOneNamingTheVariable()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = CliApp.Run(["snapshot"], stdout, stderr, AwsEnvironment.Of(new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "not a url" }));

        Assert.Equal(1, code);
        Assert.Equal("iamgov: endpoint URL `not a url` (AWS_ENDPOINT_URL_IAM or AWS_ENDPOINT_URL) is not an http or https URL", stderr.ToString().Trim());
    }
}
