using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Organization;

public sealed class OrganizationSnapshotTests
{
    private static readonly OrganizationSnapshot Nested = Read("nested-ous");
    private static readonly OrganizationSnapshot Minimal = Read("minimal");
    private static readonly OrganizationSnapshot Outside = Read("outside-account");

    [Fact]
    public void PathTo_AccountThreeOusDeep_RunsFromTheRootThroughEachOuToTheAccount()
    {
        // Act
        var path = Nested.PathTo("222222222222");

        // Assert
        Assert.Equal(
            [
                new OrganizationNode(PolicyTargetType.Root, "r-nest", "Root"),
                new OrganizationNode(PolicyTargetType.OrganizationalUnit, "ou-nest-level001", "Level1"),
                new OrganizationNode(PolicyTargetType.OrganizationalUnit, "ou-nest-level002", "Level2"),
                new OrganizationNode(PolicyTargetType.OrganizationalUnit, "ou-nest-level003", "Level3"),
                new OrganizationNode(PolicyTargetType.Account, "222222222222", "deep"),
            ],
            path.AsEnumerable());
    }

    [Fact]
    public void PathTo_AccountUnderTheRoot_IsTheRootThenTheAccount()
    {
        // Act
        var path = Nested.PathTo("333333333333");

        // Assert
        Assert.Equal(["r-nest", "333333333333"], path.Select(static n => n.Id));
    }

    [Fact]
    public void PathTo_AccountOutsideTheOrganization_IsEmpty()
    {
        // Act
        var path = Outside.PathTo("999999999999");

        // Assert
        Assert.Empty(path);
    }

    [Fact]
    public void ServiceControlPolicyLevels_MemberAccount_HoldsThePoliciesAttachedAtEachLevelInOrder()
    {
        // Act
        var levels = Nested.ServiceControlPolicyLevels("222222222222");

        // Assert: orgs_manage_policies_scps_evaluation.html: the root, each OU on the direct path, and the account itself.
        Assert.Equal(["r-nest", "ou-nest-level001", "ou-nest-level002", "ou-nest-level003", "222222222222"], levels.Select(static l => l.Node.Id));
        string[][] expected =
        [
            ["FullAWSAccess", "ScpAtRoot"],
            ["FullAWSAccess"],
            ["FullAWSAccess", "ScpAtLevel2"],
            ["FullAWSAccess"],
            ["FullAWSAccess", "ScpAtAccount"],
        ];
        Assert.Equal(expected, levels.Select(static l => l.Policies.Select(static p => p.Name).ToArray()));
        Assert.All(levels, static l => Assert.All(l.Policies, static p => Assert.Equal(OrganizationPolicyType.ServiceControlPolicy, p.Type)));
        Assert.Equal(ControlPolicyExemption.None, Nested.ServiceControlPolicyExemption("222222222222"));
    }

    [Fact]
    public void ServiceControlPolicyLevels_LevelWithNothingAttached_IsKeptEmptySoThatItAllowsNothing()
    {
        // Arrange: a Data OU whose FullAWSAccess was detached and replaced by nothing.
        using var folder = TempFolder.Create().Write("organization.json", """
            {
              "Organization": { "Id": "o-testorgid01", "MasterAccountId": "123456789012" },
              "Roots": [ { "Id": "r-test", "Name": "Root" } ],
              "OrganizationalUnits": [ { "Id": "ou-test-data0001", "Name": "Data", "ParentId": "r-test" } ],
              "Accounts": [ { "Id": "111111111111", "Name": "member", "ParentId": "ou-test-data0001" } ],
              "Policies": [
                {
                  "PolicySummary": { "Id": "p-FullAWSAccess", "Name": "FullAWSAccess", "Type": "SERVICE_CONTROL_POLICY", "AwsManaged": true },
                  "Content": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                  "Targets": [ { "TargetId": "r-test", "Type": "ROOT" }, { "TargetId": "111111111111", "Type": "ACCOUNT" } ]
                }
              ]
            }
            """);
        var snapshot = OrganizationSnapshotReader.ReadFolder(folder.Path).Snapshot!;

        // Act
        var levels = snapshot.ServiceControlPolicyLevels("111111111111");

        // Assert
        Assert.Equal(3, levels.Length);
        Assert.Empty(levels[1].Policies);
        Assert.Equal("Data", levels[1].Node.Name);
    }

    [Fact]
    public void ResourceControlPolicyLevels_RcpFullAwsAccessNotListedAtALevel_IsImpliedThere()
    {
        // Act
        var levels = Nested.ResourceControlPolicyLevels("222222222222");

        // Assert: orgs_manage_policies_rcps_evaluation.html: RCPFullAWSAccess is attached at every level and cannot be detached.
        Assert.Equal(5, levels.Length);
        Assert.All(levels, static l => Assert.Single(l.Policies, static p => p.Id == OrganizationPolicy.RcpFullAwsAccessId));
        Assert.False(levels[0].Policies[0].IsImplied, "the export lists RCPFullAWSAccess at the root");
        Assert.True(levels[1].Policies[0].IsImplied);
        Assert.Equal(["RCPFullAWSAccess", "RcpAtLevel2"], levels[2].Policies.Select(static p => p.Name));
        Assert.Same(OrganizationPolicy.RcpFullAwsAccess, levels[4].Policies[0]);
    }

    [Fact]
    public void ResourceControlPolicyLevels_NoRcpAttachedAnywhere_ImpliesRcpFullAwsAccessAtEveryLevel()
    {
        // Act
        var levels = Minimal.ResourceControlPolicyLevels("111111111111");

        // Assert
        Assert.Equal(["RCPFullAWSAccess", "DenyExternal"], levels[0].Policies.Select(static p => p.Name));
        Assert.Equal(["RCPFullAWSAccess"], levels[1].Policies.Select(static p => p.Name));
        Assert.Equal(["RCPFullAWSAccess"], levels[2].Policies.Select(static p => p.Name));
        Assert.DoesNotContain(Minimal.Policies, static p => p.IsImplied);
    }

    [Fact]
    public void ControlPolicyLevels_ManagementAccount_AreEmptyAndItIsExempt()
    {
        // Act
        var scp = Minimal.ServiceControlPolicyLevels("123456789012");
        var rcp = Minimal.ResourceControlPolicyLevels("123456789012");

        // Assert: orgs_manage_policies_scps.html and orgs_manage_policies_rcps.html: neither affects the management account.
        Assert.Empty(scp);
        Assert.Empty(rcp);
        Assert.Equal(ControlPolicyExemption.ManagementAccount, Minimal.ServiceControlPolicyExemption("123456789012"));
        Assert.Equal(ControlPolicyExemption.ManagementAccount, Minimal.ResourceControlPolicyExemption("123456789012"));
        Assert.Equal(["r-examplerootid111", "123456789012"], Minimal.PathTo("123456789012").Select(static n => n.Id));
    }

    [Fact]
    public void ControlPolicyExemption_ManagementAccountNotListedAmongAccounts_IsStillTheManagementAccount()
    {
        // Act
        var exemption = Nested.ServiceControlPolicyExemption("123456789012");

        // Assert
        Assert.Equal(ControlPolicyExemption.ManagementAccount, exemption);
        Assert.True(Nested.IsInOrganization("123456789012"));
        Assert.Null(Nested.FindAccount("123456789012"));
        Assert.Empty(Nested.PathTo("123456789012"));
    }

    [Fact]
    public void ControlPolicyExemption_AccountOutsideTheOrganization_IsOutside()
    {
        // Act
        var scp = Outside.ServiceControlPolicyExemption("999999999999");
        var rcp = Outside.ResourceControlPolicyExemption("999999999999");

        // Assert
        Assert.Equal((ControlPolicyExemption.OutsideOrganization, ControlPolicyExemption.OutsideOrganization), (scp, rcp));
        Assert.Empty(Outside.ServiceControlPolicyLevels("999999999999"));
    }

    [Fact]
    public void ControlPolicyExemption_NoPolicyListedOrEnabled_IsNotEnabled()
    {
        // Act
        var exemption = Outside.ServiceControlPolicyExemption("111111111111");

        // Assert
        Assert.Equal(ControlPolicyExemption.NotEnabled, exemption);
        Assert.False(Outside.ServiceControlPoliciesEnabled);
    }

    [Fact]
    public void IsInOrganization_AccountFolderNotInOrganizationFile_IsAnOutsideAccount()
    {
        // Act
        var inside = Outside.IsInOrganization("111111111111");
        var vendor = Outside.IsInOrganization("999999999999");

        // Assert
        Assert.True(inside);
        Assert.False(vendor);
        Assert.Equal(["999999999999"], Outside.OutsideAccountIds);
        Assert.Equal("vendor-support", Assert.Single(Outside.ContentsOf("999999999999")!.Iam!.Roles).RoleName);
        Assert.False(Outside.IsInOrganization("000000000000"));
    }

    [Fact]
    public void FindBucket_BucketOfAnAccount_FindsItAndItsOwner()
    {
        // Act
        var bucket = Minimal.FindBucket("app-data");

        // Assert
        Assert.Equal("111111111111", bucket!.AccountId);
        Assert.Equal("arn:aws:s3:::app-data", bucket.Resource.Arn);
        Assert.Null(Minimal.FindBucket("no-such-bucket"));
        Assert.Equal("999999999999", Outside.FindBucket("vendor-drop")!.AccountId);
    }

    [Theory]
    [InlineData("arn:aws:s3:::app-data", "app-data")]
    [InlineData("arn:aws:s3:::app-data/2024/01/report.csv", "app-data")]
    [InlineData("arn:aws:s3:::app-logs/", "app-logs")]
    [InlineData("arn:aws:s3:::app-dat", null)]
    [InlineData("arn:aws:s3:eu-west-1:111111111111:accesspoint/app-data", null)]
    [InlineData("arn:aws:sqs:eu-west-1:111111111111:app-queue", null)]
    [InlineData("app-data", null)]
    public void FindBucketForArn_S3Arn_FindsTheBucketItNames(string arn, string? bucket)
    {
        // Act
        var found = Minimal.FindBucketForArn(arn);

        // Assert
        Assert.Equal(bucket, found?.Resource.Name);
    }

    [Theory]
    [InlineData("arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", "111111111111")]
    [InlineData("1234abcd-12ab-34cd-56ef-1234567890ab", "111111111111")]
    [InlineData("arn:aws:kms:eu-west-2:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", null)]
    [InlineData("alias/app-key", null)]
    public void FindKmsKey_ArnOrKeyId_FindsTheKeyAndItsOwner(string key, string? owner)
    {
        // Act
        var found = Minimal.FindKmsKey(key);

        // Assert
        Assert.Equal(owner, found?.AccountId);
    }

    [Fact]
    public void FindKmsKey_BucketsEncryptionKey_IsTheKeyTheBucketNames()
    {
        // Arrange
        var bucket = Minimal.FindBucket("app-data")!.Resource;

        // Act
        var key = Minimal.FindKmsKey(bucket.Encryption!.KmsMasterKeyId!);

        // Assert
        Assert.Equal("1234abcd-12ab-34cd-56ef-1234567890ab", key!.Resource.KeyId);
        Assert.True(key.Resource.Policy.Parses);
        Assert.False(key.Resource.IsAwsManaged);
    }

    [Fact]
    public void FindKmsKey_KeyIdHeldByTwoAccounts_FindsNothingRatherThanGuess()
    {
        // Arrange: a multi-Region key's id, listed (as a replica would be) by two accounts of a hand-built snapshot.
        const string keyId = "mrk-1234abcd12ab34cd56ef1234567890ab";
        static string Key(string account) => $$"""{"KmsKeys":[{"KeyId":"{{keyId}}","Arn":"arn:aws:kms:eu-west-1:{{account}}:key/{{keyId}}","Policy":"{\"Statement\":[]}"}]}""";
        using var folder = TempFolder.Create()
            .Write("organization.json", OrganizationSnapshotReaderTests.OrganizationWithMember)
            .Write("accounts/111111111111/resources.json", Key("111111111111"))
            .Write("accounts/123456789012/resources.json", Key("123456789012"));
        var snapshot = OrganizationSnapshotReader.ReadFolder(folder.Path).Snapshot!;

        // Act
        var byId = snapshot.FindKmsKey(keyId);
        var byArn = snapshot.FindKmsKey($"arn:aws:kms:eu-west-1:123456789012:key/{keyId}");

        // Assert
        Assert.Null(byId);
        Assert.Equal("123456789012", byArn!.AccountId);
    }

    [Fact]
    public void FindResourcePolicy_OtherResourceByArn_FindsItAndItsOwner()
    {
        // Act
        var queue = Minimal.FindResourcePolicy("arn:aws:sqs:eu-west-1:111111111111:app-queue");

        // Assert
        Assert.Equal("111111111111", queue!.AccountId);
        Assert.Contains("sqs:ReceiveMessage", queue.Resource.Policy.Text, StringComparison.Ordinal);
        Assert.Null(Minimal.FindResourcePolicy("arn:aws:sqs:eu-west-1:111111111111:other-queue"));
    }

    [Fact]
    public void SingleAccount_Snapshot_IsAnOrganisationOfOneWithoutGuardrails()
    {
        // Arrange
        var iam = AccountSnapshotReader.Read(File.ReadAllText(TestData.Path("organizations", "single-account.json"))).Snapshot!;

        // Act
        var snapshot = OrganizationSnapshot.SingleAccount("555555555555", iam);

        // Assert
        Assert.Null(snapshot.Organization);
        Assert.False(snapshot.ResourcePoliciesKnown);
        Assert.False(snapshot.IsManagementAccount("555555555555"));
        Assert.Equal(["555555555555"], snapshot.PathTo("555555555555").Select(static n => n.Id));
        Assert.Equal(ControlPolicyExemption.NotEnabled, snapshot.ResourceControlPolicyExemption("555555555555"));
        Assert.Same(iam, snapshot.ContentsOf("555555555555")!.Iam);
        Assert.Null(snapshot.FindBucket("anything"));
    }

    [Fact]
    public void Contents_AccountsOfTheFolder_AreOrderedById()
    {
        // Act
        var ids = Outside.Contents.Select(static c => c.AccountId);

        // Assert
        Assert.Equal(["111111111111", "999999999999"], ids);
    }

    private static OrganizationSnapshot Read(string name)
    {
        var result = OrganizationSnapshotReader.ReadFolder(TestData.Path("organizations", name));
        return result.Snapshot ?? throw new InvalidOperationException(string.Join("\n", result.Errors));
    }
}
