using System.Text.Json.Nodes;
using Governance.Core.Accounts.Organization;
using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Organization;

/// <summary>The demo organisation under <c>policies/demo-org/</c>: it reads cleanly and is the picture issue 13 describes.</summary>
public sealed partial class OrganizationSnapshotReaderTests
{
    private const string Management = "123456789012";
    private const string Producer = "777788889999";
    private const string Consumer = "111122223333";
    private const string Contractor = "444455556666";

    private static readonly Lazy<OrganizationReadResult> Demo = new(() => OrganizationSnapshotReader.ReadFolder(Policies("demo-org")));

    [Fact]
    public void ReadFolder_DemoOrganization_ReadsWithoutErrors()
    {
        // Act
        var result = Demo.Value;

        // Assert: the one warning is true: nothing is known of the contractor's own resources.
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(($"accounts/{Contractor}", "no `resources.json`: the account's resource policies are unknown"), (warning.File, warning.Message));
    }

    [Fact]
    public void DemoOrganization_ConsumerAccount_HoldsTheDemoAccountAsItIs()
    {
        // Act
        var consumer = File.ReadAllBytes(Policies("demo-org", "accounts", Consumer, "authorization-details.json"));

        // Assert: grants land in these roles, so the single-account demo and the organisation must not drift apart.
        Assert.Equal(File.ReadAllBytes(Policies("demo-account.json")), consumer);
        Assert.Contains(Demo.Value.Snapshot!.ContentsOf(Consumer)!.Iam!.Roles, static r => r.RoleName == "data-engineer");
    }

    [Fact]
    public void DemoOrganization_ScpsNamedAfterGuardrails_HoldTheGuardrailsDocuments()
    {
        // Arrange
        var snapshot = Demo.Value.Snapshot!;
        var guardrails = Directory.GetFiles(Policies("guardrails", "scp"), "*.json");

        // Act
        var matched = snapshot.Policies.Where(p => guardrails.Any(g => Path.GetFileNameWithoutExtension(g) == p.Name)).ToArray();

        // Assert
        Assert.Equal(guardrails.Length, matched.Length);
        foreach (var policy in matched)
        {
            var file = JsonNode.Parse(File.ReadAllText(Policies("guardrails", "scp", policy.Name + ".json")));
            Assert.True(JsonNode.DeepEquals(file, JsonNode.Parse(policy.Content.Text)), $"the SCP `{policy.Name}` differs from guardrails/scp/{policy.Name}.json");
        }
    }

    [Fact]
    public void DemoOrganization_EveryPolicy_IsValidForWhatItIs()
    {
        // Arrange
        var snapshot = Demo.Value.Snapshot!;
        var documents = snapshot.Policies.Select(static p => (p.Name, p.Content.Text,
                p.Type == OrganizationPolicyType.ServiceControlPolicy ? PolicyKind.Scp : PolicyKind.Rcp))
            .Concat(snapshot.Contents.Where(static c => c.Resources is not null).SelectMany(static c => c.Resources!.Buckets
                .Where(static b => b.Policy is not null).Select(static b => ($"bucket {b.Name}", b.Policy!.Text, PolicyKind.Resource))
                .Concat(c.Resources!.KmsKeys.Select(static k => ($"key {k.KeyId}", k.Policy.Text, PolicyKind.Resource)))
                .Concat(c.Resources!.Other.Select(static o => (o.Arn, o.Policy.Text, PolicyKind.Resource)))))
            .ToArray();

        // Act
        var reports = documents.Select(static d => (d.Item1, Report: PolicyValidator.Validate(d.Item2, d.Item3))).ToArray();

        // Assert
        Assert.Equal(8 + 4 + 2 + 2, reports.Length);
        foreach (var (name, report) in reports)
        {
            Assert.False(report.HasErrors, $"{name}: {string.Join("; ", report.Findings.Where(static f => f.Severity == Severity.Error))}");
        }
    }

    [Fact]
    public void DemoOrganization_Hierarchy_PutsTheDataAccountsUnderTheAllowList()
    {
        // Arrange
        var snapshot = Demo.Value.Snapshot!;

        // Act
        var consumer = snapshot.ServiceControlPolicyLevels(Consumer);

        // Assert
        Assert.Equal(["Root", "Data", "Consumers", "analytics"], consumer.Select(static l => l.Node.Name));
        Assert.Equal(["FullAWSAccess", "region-lock", "deny-leave-organization", "deny-root-user", "protect-audit-trail"], consumer[0].Policies.Select(static p => p.Name));
        Assert.Equal(["DataAllowList", "protect-lake-buckets"], consumer[1].Policies.Select(static p => p.Name));
        Assert.Equal(["Root", "Data", "Producers", "data-lake"], snapshot.PathTo(Producer).Select(static n => n.Name));
        Assert.Equal(ControlPolicyExemption.ManagementAccount, snapshot.ServiceControlPolicyExemption(Management));
        Assert.Equal(["RCPFullAWSAccess", "DenyOutsidePrincipals"], snapshot.ResourceControlPolicyLevels(Producer)[0].Policies.Select(static p => p.Name));
        Assert.Equal([Contractor], snapshot.OutsideAccountIds);
    }

    [Fact]
    public void DemoOrganization_LakeBuckets_BelongToTheProducerAndAreEncryptedWithItsKeys()
    {
        // Arrange
        var snapshot = Demo.Value.Snapshot!;

        // Act
        var raw = snapshot.FindBucket("lake-raw")!;
        var curated = snapshot.FindBucketForArn("arn:aws:s3:::lake-curated/sales/2024/part-0.parquet")!;
        var rawKey = snapshot.FindKmsKey(raw.Resource.Encryption!.KmsMasterKeyId!)!;
        var curatedKey = snapshot.FindKmsKey(curated.Resource.Encryption!.KmsMasterKeyId!)!;

        // Assert
        Assert.Equal((Producer, Producer, Producer, Producer), (raw.AccountId, curated.AccountId, rawKey.AccountId, curatedKey.AccountId));
        Assert.True(raw.Resource.Encryption.UsesKms);
        var rawPolicy = raw.Resource.Policy!.Text;
        Assert.Contains("\"Sid\":\"DenyInsecureTransport\"", rawPolicy, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:iam::{Consumer}:role/data-engineer", rawPolicy, StringComparison.Ordinal);
        Assert.Contains($"\"AWS\":\"arn:aws:iam::{Producer}:root\"", rawKey.Resource.Policy.Text, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:iam::{Consumer}:role/data-engineer", rawKey.Resource.Policy.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(":root\"", curatedKey.Resource.Policy.Text, StringComparison.Ordinal);
        Assert.Equal(Producer, snapshot.FindResourcePolicy($"arn:aws:glue:eu-west-1:{Producer}:catalog")!.AccountId);
    }

    [Fact]
    public void DemoOrganization_ContractorExport_IsTheAccountTheEtlRunnerTrusts()
    {
        // Arrange
        var snapshot = Demo.Value.Snapshot!;

        // Act
        var trust = snapshot.ContentsOf(Consumer)!.Iam!.Roles.Single(static r => r.RoleName == "etl-runner").TrustPolicy!;

        // Assert
        Assert.Contains($"arn:aws:iam::{Contractor}:root", trust, StringComparison.Ordinal);
        Assert.False(snapshot.IsInOrganization(Contractor));
        Assert.NotEmpty(snapshot.ContentsOf(Contractor)!.Iam!.Roles);
    }

    private static string Policies(params string[] parts) => Path.Combine([RepositoryPaths.Policies, .. parts]);
}
