using System.Text;
using System.Text.Json;
using TestSupport.Cli;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Access;

/// <summary>
/// <c>can-i --vpce</c>: a request through a VPC endpoint is also decided by the endpoint's policy, which must allow it and
/// grants nothing (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html). The demo account's
/// data-engineer may read, write and delete in lake-sandbox (lake-sandbox-access, ReadWriteSandbox), so without an
/// endpoint every question below is a yes.
/// </summary>
public sealed class CanICommandVpcEndpointTests : IDisposable
{
    private const string SandboxObject = "arn:aws:s3:::lake-sandbox/2024/01/events.parquet";

    /// <summary>The S3 gateway endpoint guide's "restrict access to a specific bucket" example, for lake-sandbox.</summary>
    private const string SandboxOnly = """
        {
          "Statement": [
            {
              "Sid": "Access-to-specific-bucket-only",
              "Principal": "*",
              "Action": ["s3:GetObject", "s3:PutObject"],
              "Effect": "Allow",
              "Resource": ["arn:aws:s3:::lake-sandbox", "arn:aws:s3:::lake-sandbox/*"]
            }
          ]
        }
        """;

    private static readonly string DemoAccount = Path.Combine(RepositoryPaths.Policies, "demo-account.json");
    private static readonly string DemoOrg = Path.Combine(RepositoryPaths.Policies, "demo-org");

    private readonly TempFolder _folder = TempFolder.Create();

    [Fact]
    public void CanI_EndpointPolicyLacksTheAction_SaysNoNamingTheEndpointPolicy()
    {
        // Arrange
        var endpoint = Write("vpce.json", SandboxOnly);

        // Act
        var without = CliRunner.Run("can-i", "s3:DeleteObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount);
        var with = CliRunner.Run("can-i", "s3:DeleteObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount, "--vpce", endpoint, "--explain");

        // Assert
        Assert.Equal((0, "yes"), (without.ExitCode, without.Stdout.Trim()));
        Assert.Equal(1, with.ExitCode);
        var lines = with.Stdout.Split('\n');
        Assert.Equal("no - the VPC endpoint policy does not allow the request", lines[0]);
        // The endpoint policy decided, so its statement is shown although its action does not match.
        Assert.Equal(["  the VPC endpoint policy's statements, none of which allows the request:",
            "    vpce.json (VPC endpoint policy) Sid `Access-to-specific-bucket-only`, line 3: action does not match"],
            lines.SkipWhile(static l => !l.Contains("VPC endpoint policy's statements", StringComparison.Ordinal)).Take(2));
    }

    [Fact]
    public void CanI_EndpointPolicyAllows_SaysYesAsWithout()
    {
        var endpoint = Write("vpce.json", SandboxOnly);

        var (code, stdout, _) = CliRunner.Run("can-i", "s3:PutObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount, "--vpce", endpoint);

        Assert.Equal((0, "yes"), (code, stdout.Trim()));
    }

    [Fact]
    public void CanI_EndpointPolicyDenies_SaysNoNamingItsStatement()
    {
        // The Elastic Beanstalk guide's pattern: allow everything through the endpoint, deny one action.
        var endpoint = Write("no-delete.json", """
            {"Statement": [
              {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
              {"Sid": "NoDelete", "Effect": "Deny", "Principal": "*", "Action": "s3:DeleteObject", "Resource": "*"}
            ]}
            """);

        var (code, stdout, _) = CliRunner.Run("can-i", "s3:DeleteObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount, "--vpce", endpoint);

        Assert.Equal(1, code);
        Assert.Equal("no - the VPC endpoint policy `no-delete.json` denies (Sid `NoDelete`, line 3)", stdout.Trim());
    }

    [Fact]
    public void CanI_EndpointPolicyJson_CarriesTheReasonAndItsStatements()
    {
        var endpoint = Write("vpce.json", SandboxOnly.Replace("lake-sandbox", "lake-curated", StringComparison.Ordinal));

        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount,
            "--vpce", endpoint, "--output", "json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("VpcEndpointPolicyDoesNotAllow", json.RootElement.GetProperty("reason").GetString());
        Assert.Contains(json.RootElement.GetProperty("notApplied").EnumerateArray(),
            static s => s.GetProperty("policyType").GetString() == "VpcEndpoint" && s.GetProperty("policy").GetString() == "vpce.json");
    }

    [Fact]
    public void CanI_EndpointPolicyFromStandardInput_IsRead()
    {
        var (code, stdout, _) = CliRunner.RunWithInput(Encoding.UTF8.GetBytes(SandboxOnly),
            "can-i", "s3:DeleteObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount, "--vpce", "-");

        Assert.Equal(1, code);
        Assert.Equal("no - the VPC endpoint policy does not allow the request", stdout.Trim());
    }

    [Fact]
    public void CanI_OrgWithEndpointPolicy_KeepsItBesideTheSnapshotsGuardrails()
    {
        // Same account, over TLS in eu-west-1: yes from the snapshot alone (CanICommandOrganizationTests); an endpoint
        // that allows only another bucket makes it no, and the summary names the endpoint policy.
        var endpoint = Write("curated-only.json", SandboxOnly.Replace("lake-sandbox", "lake-curated", StringComparison.Ordinal));
        string[] question = ["can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/notes.txt", "--as", "role/data-engineer", "--org", DemoOrg,
            "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1"];

        var without = CliRunner.Run(question);
        var with = CliRunner.Run([.. question, "--vpce", endpoint]);
        var json = CliRunner.Run([.. question, "--vpce", endpoint, "-o", "json"]);

        Assert.Equal(0, without.ExitCode);
        Assert.Equal(1, with.ExitCode);
        Assert.Equal("no - the VPC endpoint policy does not allow `arn:aws:iam::111122223333:role/data-engineer` to call `s3:GetObject` on `arn:aws:s3:::lake-sandbox/notes.txt`",
            with.Stdout.Trim());
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("VpcEndpointPolicyDoesNotAllow", document.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public void CanI_OrgWithEndpointPolicyAllowing_SaysYes()
    {
        var endpoint = Write("vpce.json", SandboxOnly);

        var (code, stdout, _) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/notes.txt", "--as", "role/data-engineer", "--org", DemoOrg,
            "--context", "aws:SecureTransport=true", "--context", "aws:RequestedRegion=eu-west-1", "--vpce", endpoint);

        Assert.Equal(0, code);
        Assert.StartsWith("yes", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_MalformedEndpointPolicy_ExitsTwoNamingFileAndPlace()
    {
        var endpoint = Write("broken.json", "{\n  \"Statement\": [\n    {\"Effect\": \"Alow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}\n  ]\n}");

        var (code, stdout, stderr) = CliRunner.Run("can-i", "s3:GetObject", SandboxObject, "--as", "role/data-engineer", "--account", DemoAccount, "--vpce", endpoint);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith($"iamgov: {endpoint}:3:", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_EndpointPolicyWithoutPrincipal_ExitsTwo()
    {
        // "It must contain a Principal element": such a file is not an endpoint policy AWS would hold.
        var endpoint = Write("no-principal.json", """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");

        var (code, _, stderr) = CliRunner.Run("can-i", "s3:GetObject", "arn:aws:s3:::lake-sandbox/notes.txt", "--as", "role/data-engineer", "--org", DemoOrg,
            "--vpce", endpoint);

        Assert.Equal(2, code);
        Assert.Contains("no-principal.json:1:", stderr, StringComparison.Ordinal);
        Assert.Contains("has no `Principal`; VPC endpoint policies must name one", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void CanI_EndpointPolicyWithReadObject_IsRefused()
    {
        var endpoint = Write("vpce.json", SandboxOnly);

        var (code, _, stderr) = CliRunner.Run("can-i", "--read", "s3://lake-sandbox/notes.txt", "--as", "role/data-engineer", "--org", DemoOrg, "--vpce", endpoint);

        Assert.Equal(2, code);
        Assert.Contains("`--vpce` and `--read`/`--write` exclude each other", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoCan_DoesNotTakeVpce()
    {
        var endpoint = Write("vpce.json", SandboxOnly);

        var (code, _, _) = CliRunner.Run("who-can", "s3:GetObject", SandboxObject, "--account", DemoAccount, "--vpce", endpoint);

        Assert.Equal(2, code);
    }

    public void Dispose() => _folder.Dispose();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
