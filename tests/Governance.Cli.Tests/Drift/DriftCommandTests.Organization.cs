using System.Text.Json;
using System.Text.Json.Nodes;
using TestSupport.Cli;
using TestSupport.Files;

namespace Governance.Cli.Tests.Drift;

/// <summary><c>iamgov drift --org</c>: the member accounts' IAM against roles/, and the SCPs and RCPs against guardrails/.</summary>
public sealed partial class DriftCommandTests
{
    [Fact]
    public void Drift_DemoOrganisation_RoleDriftOfTheConsumerAndNoGuardrailDrift()
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--org", Path.Combine(Policies, "demo-org"), "-o", "json");

        // Assert: the consumer account is demo-account.json, so its drifts are there; guardrails/ matches the organisation.
        Assert.True(code == 0, stderr);
        var findings = Findings(stdout);
        Assert.Contains(findings, static f => f is { Kind: "PolicyDrift", Principal: "arn:aws:iam::111122223333:role/data-engineer" });
        Assert.DoesNotContain(findings, static f => f.Principal.StartsWith("scp/", StringComparison.Ordinal) || f.Principal.StartsWith("rcp/", StringComparison.Ordinal));
    }

    [Fact]
    public void Drift_OrganisationWithWeakenedRegionLockAndDetachedDeny_HighGuardrailFindings()
    {
        // Arrange: a copy of the demo organisation where region-lock also lets us-east-1 through and
        // protect-lake-buckets is attached nowhere: both let requests through that code's guardrails deny.
        var organization = CopyOfDemoOrganisation(static policies =>
        {
            var regionLock = Policy(policies, "region-lock");
            var content = JsonNode.Parse((string)regionLock["Content"]!)!;
            content["Statement"]![0]!["Condition"]!["StringNotEquals"]!["aws:RequestedRegion"]!.AsArray().Add("us-east-1");
            regionLock["Content"] = content.ToJsonString();
            Policy(policies, "protect-lake-buckets")["Targets"] = new JsonArray();
        });

        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--org", organization, "-o", "json");

        // Assert
        Assert.True(code == 0, stderr);
        var guardrails = Findings(stdout).Where(static f => f.Principal.Contains('/') && !f.Principal.StartsWith("arn:", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [("GuardrailAttachmentDrift", "scp/protect-lake-buckets", "High"), ("GuardrailPolicyDrift", "scp/region-lock", "High")],
            guardrails.Select(static f => (f.Kind, f.Principal, f.Severity)));
        Assert.EndsWith("when `aws:RequestedRegion` = `us-east-1`", guardrails[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_OrganisationWithAnExtraRcp_MediumUnmanagedGuardrailInTheMarkdown()
    {
        // Arrange
        var organization = CopyOfDemoOrganisation(static policies => policies.Add(JsonNode.Parse("""
            {"PolicySummary":{"Id":"p-tls00001","Arn":"arn:aws:organizations::123456789012:policy/o-a1b2c3d4e5/resource_control_policy/p-tls00001",
              "Name":"DenyInsecureTransport","Type":"RESOURCE_CONTROL_POLICY","AwsManaged":false},
             "Content":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}]}",
             "Targets":[{"TargetId":"r-a1b2","Type":"ROOT"}]}
            """)));

        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--org", organization, "-o", "markdown");

        // Assert
        Assert.True(code == 0, stderr);
        Assert.Contains("## Organisation guardrails (SCPs and RCPs)", stdout, StringComparison.Ordinal);
        Assert.Contains("| Medium | UnmanagedGuardrail | `rcp/DenyInsecureTransport` | RCP `DenyInsecureTransport` is in the organisation but not in guardrails/rcp/; attached to the root (r-a1b2) |",
            stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_RolesAccountGiven_RolesAsCodeExpectedThere()
    {
        // Arrange: by default roles/ describes the consumer, which holds its roles; naming the producer instead
        // expects them there, where none is.
        var organization = Path.Combine(Policies, "demo-org");

        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--org", organization, "--roles-account", "777788889999", "-o", "json");

        // Assert
        Assert.True(code == 0, stderr);
        var findings = Findings(stdout);
        Assert.Contains(findings, static f => f is { Kind: "MissingPrincipal", Principal: "arn:aws:iam::777788889999:role/data-engineer" });
        Assert.Contains(findings, static f => f is { Kind: "UnmanagedPrincipal", Principal: "arn:aws:iam::111122223333:role/data-engineer" });
    }

    [Fact]
    public void Drift_RolesAccountNotAMember_ExitsTwo()
    {
        // Act: the contractor's IAM is in the snapshot, but it is outside the organisation
        var (code, _, stderr) = CliRunner.Run("drift", "--desired", Policies, "--org", Path.Combine(Policies, "demo-org"), "--roles-account", "444455556666");

        // Assert
        Assert.Equal(CliApp.CouldNotRun, code);
        Assert.Contains("--roles-account `444455556666` is not a member account whose IAM", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Drift_BothOrNeitherOfAccountAndOrg_ExitsTwo(bool both)
    {
        // Act
        var (code, _, stderr) = both
            ? CliRunner.Run("drift", "--desired", Policies, "--account", Path.Combine(Policies, "demo-account.json"), "--org", Path.Combine(Policies, "demo-org"))
            : CliRunner.Run("drift", "--desired", Policies);

        // Assert
        Assert.Equal(CliApp.CouldNotRun, code);
        Assert.Contains("give exactly one of --account FILE (one account's IAM) and --org DIR (an organisation snapshot)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_OrgIsOneAccountsFile_SaysGuardrailsAreNotCompared()
    {
        // Act
        var (code, stdout, stderr) = CliRunner.Run("drift", "--desired", Policies, "--org", Path.Combine(Policies, "demo-account.json"), "-o", "json");

        // Assert
        Assert.True(code == 0, stderr);
        Assert.Contains("the organisation's SCPs and RCPs are unknown, so guardrails/ is not compared", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Findings(stdout), static f => f.Principal.StartsWith("scp/", StringComparison.Ordinal));
    }

    [Fact]
    public void Drift_InvalidGuardrailsFolder_ExitsTwoNamingTheFile()
    {
        // Arrange: a policies folder whose attachments.json names a target in no form
        var desired = Path.Combine(_folder, "policies");
        Directory.CreateDirectory(Path.Combine(desired, "guardrails"));
        File.WriteAllText(Path.Combine(desired, "guardrails", "attachments.json"), """{"scp": {"FullAWSAccess": ["everywhere"]}}""");

        // Act
        var (code, _, stderr) = CliRunner.Run("drift", "--desired", desired, "--org", Path.Combine(Policies, "demo-org"));

        // Assert
        Assert.Equal(CliApp.CouldNotRun, code);
        Assert.Contains("iamgov: guardrails/attachments.json: scp.FullAWSAccess[0]: `everywhere` is not a target", stderr, StringComparison.Ordinal);
    }

    private static List<(string Kind, string Principal, string Severity, string Detail)> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(static f => (f.GetProperty("kind").GetString()!, f.GetProperty("principal").GetString()!, f.GetProperty("severity").GetString()!,
                f.GetProperty("detail").GetString()!))];
    }

    /// <summary>The demo organisation copied into the test's folder, its policies changed by <paramref name="change"/>.</summary>
    private string CopyOfDemoOrganisation(Action<JsonArray> change)
    {
        var copy = Path.Combine(_folder, "org");
        FolderCopy.Copy(Path.Combine(Policies, "demo-org"), copy);
        var organization = Path.Combine(copy, "organization.json");
        var root = JsonNode.Parse(File.ReadAllText(organization))!;
        change(root["Policies"]!.AsArray());
        File.WriteAllText(organization, root.ToJsonString());
        return copy;
    }

    private static JsonObject Policy(JsonArray policies, string name)
        => policies.Single(p => (string?)p!["PolicySummary"]!["Name"] == name)!.AsObject();
}
