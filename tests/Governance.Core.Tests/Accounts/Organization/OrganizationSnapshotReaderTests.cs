using Governance.Core.Accounts.Organization;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts.Organization;

public sealed partial class OrganizationSnapshotReaderTests
{
    private static string Folder(string name) => TestData.Path("organizations", name);

    [Fact]
    public void ReadFolder_Minimal_ReadsHierarchyPoliciesAndAccounts()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("minimal"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var snapshot = result.Snapshot!;
        Assert.Equal(new OrganizationInfo("o-exampleorgid", "arn:aws:organizations::123456789012:organization/o-exampleorgid", "123456789012"),
            snapshot.Organization);
        Assert.Equal("r-examplerootid111", Assert.Single(snapshot.Roots).Id);
        var unit = Assert.Single(snapshot.OrganizationalUnits);
        Assert.Equal(("Workloads", "r-examplerootid111"), (unit.Name, unit.ParentId));
        Assert.Equal(["123456789012", "111111111111"], snapshot.Accounts.Select(static a => a.Id));
        Assert.Equal(["FullAWSAccess", "DenyEc2", "DenyExternal"], snapshot.Policies.Select(static p => p.Name));
        Assert.Equal(OrganizationPolicyType.ResourceControlPolicy, snapshot.Policies[2].Type);
        Assert.True(snapshot.Policies[0].AwsManaged);
        Assert.Equal(4, snapshot.Policies[0].Targets.Length);
        Assert.True(snapshot.ServiceControlPoliciesEnabled, "SCPs are listed and the root does not say otherwise");
        Assert.True(snapshot.ResourceControlPoliciesEnabled, "an RCP is listed and the root does not say otherwise");
        Assert.True(snapshot.ResourcePoliciesKnown);

        var app = snapshot.ContentsOf("111111111111")!;
        Assert.Equal("reader", Assert.Single(app.Iam!.Roles).RoleName);
        var bucket = app.Resources!.Buckets[0];
        Assert.Equal(("app-data", "eu-west-1", "BucketOwnerEnforced"), (bucket.Name, bucket.Region, bucket.OwnershipControls));
        Assert.Equal(new PublicAccessBlock(true, true, true, true), bucket.PublicAccessBlock);
        Assert.Equal(new BucketEncryption("aws:kms", "arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab", true), bucket.Encryption);
        Assert.True(bucket.Policy!.Parses);
        Assert.Null(app.Resources.Buckets[1].Policy);
        Assert.False(app.Resources.Buckets[1].Encryption!.UsesKms);
        Assert.Equal("CUSTOMER", Assert.Single(app.Resources.KmsKeys).KeyManager);
        Assert.Equal("arn:aws:sqs:eu-west-1:111111111111:app-queue", Assert.Single(app.Resources.Other).Arn);
    }

    [Fact]
    public void ReadFolder_AccountLevelPublicAccessBlock_IsReadBesideTheBuckets()
    {
        // Act: `aws s3control get-public-access-block` prints the account's settings in the bucket's shape
        var result = OrganizationSnapshotReader.ReadFolder(Folder("public-bucket"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var management = result.Snapshot!.ContentsOf("123456789012")!.Resources!;
        Assert.Equal(new PublicAccessBlock(false, false, false, true), management.PublicAccessBlock);
        Assert.Null(Assert.Single(management.Buckets).PublicAccessBlock);
        Assert.Null(result.Snapshot.ContentsOf("111111111111")!.Resources!.PublicAccessBlock);
    }

    [Fact]
    public void ReadFolder_AccountWithoutResourcesFile_WarnsThatItsResourcePoliciesAreUnknown()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("minimal"));

        // Assert
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("accounts/123456789012", warning.File);
        Assert.Contains("no `resources.json`", warning.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot!.ContentsOf("123456789012")!.Resources);
    }

    [Fact]
    public void ReadFolder_CliShapes_AcceptsWhatTheAwsCliPrints()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("cli-shapes"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var snapshot = result.Snapshot!;
        var policy = Assert.Single(snapshot.Policies);
        Assert.Equal(("p-FullAWSAccess", 2), (policy.Id, policy.Targets.Length));
        Assert.Equal("ACTIVE", Assert.Single(snapshot.Accounts).Status);
        Assert.Contains(result.Warnings, static w => w.Path == "Policies[1].PolicySummary.Type"
            && w.Message.Contains("`TAG_POLICY` takes no part in authorization", StringComparison.Ordinal));
        var buckets = snapshot.ContentsOf("111111111111")!.Resources!.Buckets;
        Assert.Equal(new PublicAccessBlock(true, false, true, false), buckets[0].PublicAccessBlock);
        Assert.Equal("BucketOwnerPreferred", buckets[0].OwnershipControls);
        Assert.Equal(new BucketEncryption("aws:kms:dsse", "alias/cli-key", true), buckets[0].Encryption);
        Assert.True(buckets[0].Policy!.Parses, "a policy given as an object is read as its JSON text");
        Assert.Equal(new BucketEncryption("AES256", null, false), buckets[1].Encryption);
    }

    [Fact]
    public void ReadFolder_PoliciesThatDoNotParse_WarnsAndKeepsThemMarked()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("unparsable-policy"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var scp = Assert.Single(result.Snapshot!.Policies);
        Assert.False(scp.Content.Parses);
        Assert.Contains("line 1", scp.Content.Problem!, StringComparison.Ordinal);
        var resources = result.Snapshot.ContentsOf("111111111111")!.Resources!;
        Assert.Equal("Deny everything to everyone", resources.Buckets[0].Policy!.Text);
        Assert.False(resources.Buckets[0].Policy!.Parses);
        Assert.True(resources.KmsKeys[0].Policy.Parses, "a statement without Principal parses; which kinds need one is validation's concern");
        Assert.Contains(result.Warnings, static w => (w.File, w.Path, w.Line) == ("organization.json", "Policies[0].Content", 8)
            && w.Message.StartsWith("the policy document does not parse", StringComparison.Ordinal));
        Assert.Contains(result.Warnings, static w => (w.File, w.Path) == ("accounts/111111111111/resources.json", "Buckets[0].Policy"));
    }

    [Fact]
    public void ReadFolder_RootListsPolicyTypes_TheyDecideWhatIsEnabled()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("policy-types-disabled"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.True(result.Snapshot!.ServiceControlPoliciesEnabled);
        Assert.False(result.Snapshot.ResourceControlPoliciesEnabled, "the root does not list RCPs as enabled, though one is listed");
        Assert.Contains(result.Warnings, static w => w.Message == "the root does not enable RCPs; the RCPs listed are ignored");
        Assert.Contains(result.Warnings, static w => w.File == "accounts/" && w.Message.Contains("the folder is missing", StringComparison.Ordinal));
        Assert.Equal(ControlPolicyExemption.NotEnabled, result.Snapshot.ResourceControlPolicyExemption("111111111111"));
        Assert.Empty(result.Snapshot.ResourceControlPolicyLevels("111111111111"));
    }

    [Fact]
    public void ReadFolder_FolderNamedOtherThanAnAccountId_ReportsItAndWarnsOfStrayFiles()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("bad-account-folder"));

        // Assert
        Assert.False(result.Success);
        var error = Assert.Single(result.Errors);
        Assert.Equal("accounts/12345", error.File);
        Assert.Equal("`12345` is not an account id: each folder under `accounts/` is named by a 12-digit account id", error.Message);
        Assert.Contains(result.Warnings, static w => w.File == "accounts/notes.txt" && w.Message.StartsWith("not a folder; ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFolder_NoOrganizationFile_ReportsTheMissingFile()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("missing-organization"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("organization.json", string.Empty), (error.File, error.Path));
        Assert.StartsWith("the file is missing", error.Message, StringComparison.Ordinal);
        Assert.Null(result.Snapshot);
    }

    [Fact]
    public void ReadFolder_FilesOfAnotherAccountInAFolder_ReportsEachMismatch()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("mismatched-account"));

        // Assert
        Assert.Contains(result.Errors, static e => e.File == "accounts/111111111111/authorization-details.json"
            && e.Message == "the export's principals belong to `222222222222`, not to `111111111111` whose folder holds it");
        Assert.Contains(result.Errors, static e => (e.File, e.Path, e.Line) == ("accounts/111111111111/resources.json", "KmsKeys[0].Arn", 5)
            && e.Message.Contains("belongs to account `222222222222`, not to `111111111111`", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadFolder_BucketListedByTwoAccounts_ReportsTheSecond()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("duplicate-bucket"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("accounts/123456789012/resources.json", "Buckets[0].Name", 1), (error.File, error.Path, error.Line));
        Assert.Equal("bucket `shared-name` is also listed by account `111111111111`: a resource belongs to one account", error.Message);
    }

    [Fact]
    public void ReadFolder_AccountInTheOrganizationWithoutAFolder_WarnsItsContentsAreUnknown()
    {
        // Act
        var result = OrganizationSnapshotReader.ReadFolder(Folder("nested-ous"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, static w => w.File == "accounts/333333333333"
            && w.Message == "account `333333333333` (`shallow`) has no folder: its IAM and resources are unknown");
        Assert.Contains(result.Warnings, static w => w.File == "accounts/222222222222"
            && w.Message == "no `authorization-details.json`: the account's IAM is unknown");
    }

    [Fact]
    public void Read_SingleAccountFile_ReadsAnOrganisationOfOneWhoseResourcePoliciesAreUnknown()
    {
        // Act
        var result = OrganizationSnapshotReader.Read(TestData.Path("organizations", "single-account.json"));

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var snapshot = result.Snapshot!;
        Assert.Null(snapshot.Organization);
        Assert.False(snapshot.ResourcePoliciesKnown);
        Assert.Equal("555555555555", Assert.Single(snapshot.Accounts).Id);
        Assert.True(snapshot.IsInOrganization("555555555555"), "the single account is the whole picture, not an outside account");
        Assert.Empty(snapshot.OutsideAccountIds);
        Assert.Equal(ControlPolicyExemption.NotEnabled, snapshot.ServiceControlPolicyExemption("555555555555"));
        Assert.Empty(snapshot.ServiceControlPolicyLevels("555555555555"));
        Assert.Empty(snapshot.ResourceControlPolicyLevels("555555555555"));
        var contents = snapshot.ContentsOf("555555555555")!;
        Assert.Equal("solo", Assert.Single(contents.Iam!.Users).UserName);
        Assert.Null(contents.Resources);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("single-account.json", warning.File);
        Assert.StartsWith("resource policies unknown", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExportSpanningTwoAccounts_TakesTheAccountWithMostPrincipalsAndSaysSo()
    {
        // Arrange: the IAM Vulnerable export names principals of two accounts.
        var file = TestData.Account("cloudsplaining-example.json");

        // Act
        var result = OrganizationSnapshotReader.Read(file);

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
        var account = Assert.Single(result.Snapshot!.Accounts).Id;
        Assert.Contains(result.Warnings, w => w.Message.Contains($"it is read as account `{account}`, which has most of them", StringComparison.Ordinal));
        Assert.Equal(44, result.Snapshot.ContentsOf(account)!.Iam!.Users.Length);
    }

    [Fact]
    public void Read_OrganizationFileGivenAlone_SaysToGiveItsFolder()
    {
        // Act
        var result = OrganizationSnapshotReader.Read(Path.Combine(Folder("minimal"), "organization.json"));

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal("this is an organisation's `organization.json`: give the folder that holds it", error.Message);
    }

    [Fact]
    public void Read_NoSuchPath_ReportsIt()
    {
        // Act
        var result = OrganizationSnapshotReader.Read(Path.Combine(Folder("minimal"), "no-such-thing"));

        // Assert
        Assert.StartsWith("no file or folder `", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Folder_ReadsItAsAnOrganisation()
    {
        // Act
        var result = OrganizationSnapshotReader.Read(Folder("minimal"));

        // Assert
        Assert.True(result.Success);
        Assert.NotNull(result.Snapshot!.Organization);
    }

    [Fact]
    public void ReadFolder_FileOverItsSizeBound_ReportsItsSize()
    {
        // Arrange
        var limits = OrganizationReadLimits.Default with { MaxResourcesBytes = 64 };
        using var folder = TempFolder.Create()
            .Write("organization.json", OrganizationWithMember)
            .Write("accounts/111111111111/resources.json", "{\"Buckets\":[" + string.Join(',', Enumerable.Repeat("{\"Name\":\"b\"}", 10)) + "]}");

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path, limits);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal("accounts/111111111111/resources.json", error.File);
        Assert.Matches(@"^the file is \d+ bytes; at most 64 are read$", error.Message);
    }

    [Fact]
    public void ReadFolder_FilesOverTheTotalBound_ReportsTheFirstFilePastIt()
    {
        // Arrange
        var limits = OrganizationReadLimits.Default with { MaxTotalBytes = OrganizationWithMember.Length + 10 };
        using var folder = TempFolder.Create()
            .Write("organization.json", OrganizationWithMember)
            .Write("accounts/111111111111/resources.json", """{"Buckets":[],"KmsKeys":[],"Other":[]}""");

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path, limits);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal("accounts/111111111111/resources.json", error.File);
        Assert.StartsWith("the snapshot's files come to more than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFolder_MoreAccountFoldersThanTheBound_ReportsTheBound()
    {
        // Arrange
        var limits = OrganizationReadLimits.Default with { MaxAccounts = 2 };
        using var folder = TempFolder.Create().Write("organization.json", OrganizationWithMember);
        foreach (var id in new[] { "111111111111", "222222222222", "333333333333" })
        {
            folder.Write($"accounts/{id}/resources.json", "{}");
        }

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path, limits);

        // Assert
        Assert.Contains(result.Errors, static e => e.File == "accounts/" && e.Message == "more than 2 entries; at most 2 accounts are read");
    }

    [Fact]
    public void ReadFolder_Utf8ByteOrderMark_IsAccepted()
    {
        // Arrange: Windows PowerShell's Out-File -Encoding utf8 writes one.
        using var folder = TempFolder.Create().Write("organization.json", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(OrganizationWithMember)]);

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        Assert.True(result.Success, string.Join("\n", result.Errors));
    }

    [Fact]
    public void ReadFolder_OrganizationFileIsAFolder_ReportsIt()
    {
        // Arrange
        using var folder = TempFolder.Create().Write("organization.json/inner.json", "{}");

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        Assert.Contains(result.Errors, static e => e.File == "organization.json" && e.Message == "a folder where a file was expected");
    }

    [Fact]
    public void ToString_ProblemWithFileLineAndPath_ReadsAsCompilersPrintThem()
    {
        // Arrange
        var problem = new OrganizationReadProblem("organization.json", "Accounts[0].ParentId", "required field is missing", 12);

        // Act
        var text = problem.ToString();

        // Assert
        Assert.Equal("organization.json:12: Accounts[0].ParentId: required field is missing", text);
    }

    /// <summary>An organisation with its management account and one member, <c>111111111111</c>, both under the root.</summary>
    internal const string OrganizationWithMember = """
        {
          "Organization": { "Id": "o-testorgid01", "MasterAccountId": "123456789012" },
          "Roots": [ { "Id": "r-test", "Name": "Root" } ],
          "Accounts": [
            { "Id": "123456789012", "Name": "management", "Status": "ACTIVE", "ParentId": "r-test" },
            { "Id": "111111111111", "Name": "member", "Status": "ACTIVE", "ParentId": "r-test" }
          ]
        }
        """;
}
