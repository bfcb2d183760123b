using AwsReplay;
using AwsReplay.Organizations;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws;
using TestSupport.Aws;
using TestSupport.Cli;
using TestSupport.Files;
using static AwsReplay.Organizations.ExampleOrganization;

namespace Governance.Cli.Tests.Commands;

/// <summary><c>iamgov snapshot --org</c> against the loopback replay of <see cref="ExampleOrganization"/>.</summary>
public sealed class OrganizationSnapshotRunTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();
    private ReplayServer _server = null!;
    private OrganizationReplay _organization = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayServer.StartAsync();
        _organization = ExampleOrganization.Create();
        _organization.Install(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private string Out => Path.Combine(_folder, "org");

    private (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
        => RunIn(AwsEnvironment.Of(_organization.EnvironmentVariables(_server)), args);

    private static (int ExitCode, string Stdout, string Stderr) RunIn(AwsEnvironment environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr, environment);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private void AssertNothingBesideOut() => Assert.Equal(Directory.Exists(Out) ? ["org"] : Array.Empty<string>(),
        Directory.EnumerateFileSystemEntries(_folder).Select(p => Path.GetFileName(p)!).ToArray());

    [Fact]
    public void SnapshotOrg_ExampleOrganization_WritesAFolderThatReadsBackAndAnswers()
    {
        var (code, stdout, stderr) = Run("snapshot", "--org", "--output-dir", Out);

        Assert.Equal(0, code);
        Assert.Empty(stdout);
        Assert.Contains($"wrote {Out}: organisation o-exampleorgid (3 accounts, 2 OUs, 4 SCPs and RCPs); read 3 of 3 accounts", stderr, StringComparison.Ordinal);
        var read = OrganizationSnapshotReader.ReadFolder(Out);
        Assert.True(read.Success, string.Join("\n", read.Errors));
        Assert.Empty(read.Warnings);
        Assert.Equal(["authorization-details.json", "resources.json"],
            Directory.GetFiles(Path.Combine(Out, "accounts", Producer)).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray());
        AssertNothingBesideOut();
        Assert.Empty(_organization.Problems);
        // The consumer's engineer reads the producer's bucket: its inline policy and the bucket policy both allow it.
        var (canI, answer, _) = CliRunner.Run("can-i", "s3:GetObject", $"arn:aws:s3:::{LakeBucket}/2024/01/events.parquet",
            "--as", $"arn:aws:iam::{Consumer}:role/data-engineer", "--org", Out);
        Assert.True(canI == 0, answer);
    }

    [Fact]
    public void SnapshotOrg_AssumeRoleDenied_ExitOneNamesTheAccountAndWritesTheOthers()
    {
        _organization.AssumeRoleDenied.Add(Producer);

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out, "--max-parallel", "1");

        Assert.Equal(1, code);
        Assert.Contains($"iamgov: not read: account {Producer} (Producer Account): cannot assume `arn:aws:iam::{Producer}:role/OrganizationAccountAccessRole`: "
            + "STS AssumeRole failed: AccessDenied (HTTP 403)", stderr, StringComparison.Ordinal);
        Assert.Contains("read 2 of 3 accounts, 1 not read (above)", stderr, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out, "accounts", Consumer, "resources.json")));
        Assert.False(Directory.Exists(Path.Combine(Out, "accounts", Producer)), "an account not read is left out");
        Assert.True(OrganizationSnapshotReader.ReadFolder(Out).Success);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotOrg_AccountsLimit_WritesOnlyThoseAccounts()
    {
        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out, "--accounts", $"{Consumer}, {Management}");

        Assert.True(code == 0, stderr);
        Assert.Equal([Management, Consumer], Directory.GetDirectories(Path.Combine(Out, "accounts")).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, OrganizationSnapshotReader.ReadFolder(Out).Snapshot!.Accounts.Length);
        Assert.Contains("read 2 of 2 accounts", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SnapshotOrg_OtherMemberRole_AssumesThatRole()
    {
        _organization.MemberRoleName = "iamgov-read";

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out, "--member-role", "iamgov-read");

        Assert.True(code == 0, stderr);
        Assert.Contains(_organization.Calls, c => c.Resource == $"arn:aws:iam::{Consumer}:role/iamgov-read");
    }

    [Fact]
    public void SnapshotOrg_ExistingSnapshot_IsReplacedWhole()
    {
        Directory.CreateDirectory(Path.Combine(Out, "accounts", "999999999999"));
        File.WriteAllText(Path.Combine(Out, "organization.json"), "{}");
        File.WriteAllText(Path.Combine(Out, "accounts", "999999999999", "resources.json"), "{}");

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out);

        Assert.True(code == 0, stderr);
        Assert.False(Directory.Exists(Path.Combine(Out, "accounts", "999999999999")), "the old snapshot's files are gone");
        Assert.True(OrganizationSnapshotReader.ReadFolder(Out).Success);
        AssertNothingBesideOut();
    }

    [Fact]
    public void SnapshotOrg_ParentFolderMissing_ExitTwoOneLineAndNoCall()
    {
        var missing = Path.Combine(_folder, "no-such-folder", "org");

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", missing);

        Assert.Equal(2, code);
        Assert.Equal($"iamgov: cannot write `{missing}`: its parent folder `{Path.Combine(_folder, "no-such-folder")}` does not exist", stderr.Trim());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void SnapshotOrg_OutIsAFile_ExitTwo()
    {
        File.WriteAllText(Out, "not a folder");

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out);

        Assert.Equal(2, code);
        Assert.Equal($"iamgov: cannot write `{Out}`: it is a file; a snapshot is a folder", stderr.Trim());
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void SnapshotOrg_OutHoldsSomethingElse_ExitTwoAndLeavesIt()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "notes.txt"), "mine");

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out);

        Assert.Equal(2, code);
        Assert.Contains("it is a folder that holds no `organization.json`", stderr, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Out, "notes.txt")));
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void SnapshotOrg_NotInAnOrganization_ExitTwoWithAwsErrorAndHint()
    {
        _server.Enqueue(new ReplayResponse(400,
            """{"__type":"AWSOrganizationsNotInUseException","message":"Your account is not a member of an organization."}""",
            "application/x-amz-json-1.1", "rid-not-in-use"));

        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out);

        Assert.Equal(2, code);
        Assert.Equal(
            "iamgov: the organisation cannot be read: Organizations DescribeOrganization failed: AWSOrganizationsNotInUseException (HTTP 400): "
            + "Your account is not a member of an organization.; request id rid-not-in-use\n"
            + "iamgov: the credentials' account is in no organisation; `iamgov snapshot --output-file FILE` reads one account",
            stderr.Trim().ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(Out));
        AssertNothingBesideOut();
    }

    [Fact]
    public async Task SnapshotOrg_NoCredentials_ExitTwoOneLineAndNoCall()
    {
        var variables = _organization.EnvironmentVariables(_server)
            .Where(v => v.Key is not ("AWS_ACCESS_KEY_ID" or "AWS_SECRET_ACCESS_KEY"))
            .ToDictionary(v => v.Key, v => (string?)v.Value);
        (int ExitCode, string Stdout, string Stderr) result;
        await using (await AwsEnvironmentScope.SetAsync(variables, AwsSdkCaches.Reset))
        {
            result = RunIn(AwsEnvironment.Process, "snapshot", "--org", "--output-dir", Out);
        }

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().ReplaceLineEndings("\n").Split('\n'));
        Assert.StartsWith("iamgov: no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        AssertNothingBesideOut();
    }

    [Fact]
    public void SnapshotOrg_EndpointNotUrl_ExitTwoNamingTheVariable()
    {
        var variables = new Dictionary<string, string>(_organization.EnvironmentVariables(_server)) { ["AWS_ENDPOINT_URL_KMS"] = "not a url" };

        var (code, _, stderr) = RunIn(AwsEnvironment.Of(variables), "snapshot", "--org", "--output-dir", Out);

        Assert.Equal(2, code);
        Assert.Equal("iamgov: endpoint URL `not a url` (AWS_ENDPOINT_URL_KMS or AWS_ENDPOINT_URL) is not an http or https URL", stderr.Trim());
        Assert.Empty(_server.Requests);
        AssertNothingBesideOut();
    }

    [Theory]
    [InlineData("--org")]
    [InlineData("--org", "--output-dir", "X", "--accounts", "12345")]
    [InlineData("--org", "--output-dir", "X", "--max-parallel", "0")]
    [InlineData("--accounts", "111111111111")]
    [InlineData("--member-role", "audit")]
    public void SnapshotOrg_BadUsage_ExitTwoWithoutCalling(params string[] args)
    {
        var (code, _, stderr) = Run(["snapshot", .. args]);

        Assert.Equal(2, code);
        Assert.StartsWith("iamgov: ", stderr, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void SnapshotOrg_BadMemberRole_ExitTwoOneLine()
    {
        var (code, _, stderr) = Run("snapshot", "--org", "--output-dir", Out, "--member-role", "no spaces allowed");

        Assert.Equal(2, code);
        Assert.Equal("iamgov: `no spaces allowed` is not a role name: letters, digits and +=,.@_- (a path may lead with /)", stderr.Trim());
        AssertNothingBesideOut();
    }
}
