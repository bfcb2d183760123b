using System.Text;
using Governance.Core.Accounts.Organization;
using TestSupport.Files;

namespace Governance.Core.Tests.Accounts.Organization;

public sealed partial class OrganizationSnapshotReaderTests
{
    private const string Org = "\"Organization\":{\"Id\":\"o-testorgid01\",\"MasterAccountId\":\"123456789012\"}";
    private const string Root = "\"Roots\":[{\"Id\":\"r-test\",\"Name\":\"Root\"}]";
    private const string Member = """{"Id":"111111111111","Name":"member","Status":"ACTIVE","ParentId":"r-test"}""";
    private const string FullAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    /// <summary>
    /// Broken <c>organization.json</c> files, each with the path and message its first error must have (and its line, when
    /// the file has several lines).
    /// </summary>
    public static TheoryData<string, string, string, string, int?> MalformedOrganizations() => new()
    {
        { "not an object", "[]", "", "organization.json is a JSON object with `Organization`", null },
        { "no organization", $"{{{Root}}}", "Organization", "required field is missing", null },
        { "organization not an object", $$"""{"Organization":"o-x",{{Root}}}""", "Organization", "expected an object, found a string", null },
        { "management account not an id", $$"""{"Organization":{"Id":"o-testorgid01","MasterAccountId":"12345"},{{Root}}}""",
            "Organization.MasterAccountId", "`12345` is not an account id: expected 12 digits", null },
        { "management account a number", $$"""{"Organization":{"Id":"o-testorgid01","MasterAccountId":123456789012},{{Root}}}""",
            "Organization.MasterAccountId", "expected a string, found a number", null },
        { "no roots", $"{{{Org}}}", "Roots", "required field is missing", null },
        { "empty roots", $$"""{{{Org}},"Roots":[]}""", "Roots", "no root: `aws organizations list-roots`", null },
        { "two roots", $$"""{{{Org}},"Roots":[{"Id":"r-aaaa"},{"Id":"r-bbbb"}]}""", "Roots", "2 roots; an organisation has exactly one", null },
        { "root not an object", $$"""{{{Org}},"Roots":["r-test"]}""", "Roots[0]", "expected an object, found a string", null },
        { "accounts not an array", "{" + Org + "," + Root + ",\"Accounts\":{}}", "Accounts", "expected an array, found an object", null },
        { "account id a number", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":111111111111,"ParentId":"r-test"}]}""",
            "Accounts[0].Id", "expected a string, found a number", null },
        { "account id with letters", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"11111111111a","ParentId":"r-test"}]}""",
            "Accounts[0].Id", "`11111111111a` is not an account id", null },
        { "account without parent", "{\n" + Org + ",\n" + Root + ",\n\"Accounts\": [\n  {\"Id\":\"111111111111\"}\n]}",
            "Accounts[0].ParentId", "list-accounts-for-parent --parent-id ID", 5 },
        { "account with empty parent", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"111111111111","ParentId":""}]}""",
            "Accounts[0].ParentId", "must not be empty", null },
        { "account under an unknown parent", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"111111111111","ParentId":"ou-test-nowhere1"}]}""",
            "Accounts[0].ParentId", "unknown parent `ou-test-nowhere1`: no root or OU in this file has this id", null },
        { "account under an account", $$"""{{{Org}},{{Root}},"Accounts":[{{Member}},{"Id":"222222222222","ParentId":"111111111111"}]}""",
            "Accounts[1].ParentId", "parent `111111111111` is an account", null },
        { "duplicate account", $$"""{{{Org}},{{Root}},"Accounts":[{{Member}},{{Member}}]}""",
            "Accounts[1].Id", "duplicate id `111111111111`: `Accounts[0]` has it too", null },
        { "OU id equal to the root's", $$"""{{{Org}},{{Root}},"OrganizationalUnits":[{"Id":"r-test","ParentId":"r-test"}]}""",
            "OrganizationalUnits[0].Id", "duplicate id `r-test`: `Roots[0]` has it too", null },
        { "OU without parent", $$"""{{{Org}},{{Root}},"OrganizationalUnits":[{"Id":"ou-test-aaaaaaaa"}]}""",
            "OrganizationalUnits[0].ParentId", "required field is missing", null },
        { "OU cycle", $$"""{{{Org}},{{Root}},"OrganizationalUnits":[{"Id":"ou-test-aaaaaaaa","ParentId":"ou-test-bbbbbbbb"},{"Id":"ou-test-bbbbbbbb","ParentId":"ou-test-aaaaaaaa"}]}""",
            "OrganizationalUnits[0].ParentId", "the OU `ou-test-aaaaaaaa` is inside itself", null },
        { "OU its own parent", $$"""{{{Org}},{{Root}},"OrganizationalUnits":[{"Id":"ou-test-aaaaaaaa","ParentId":"ou-test-aaaaaaaa"}]}""",
            "OrganizationalUnits[0].ParentId", "the OU `ou-test-aaaaaaaa` is inside itself", null },
        { "OUs six deep", $$"""{{{Org}},{{Root}},"OrganizationalUnits":[{{NestedOus(6)}}]}""",
            "OrganizationalUnits[5].ParentId", "the OU `ou-test-level006` is nested 6 levels below the root; AWS allows 5", null },
        { "policy without summary", $$"""{{{Org}},{{Root}},"Policies":[{"Content":"{}"}]}""", "Policies[0].PolicySummary", "required field is missing", null },
        { "policy without type", $$"""{{{Org}},{{Root}},"Policies":[{"PolicySummary":{"Id":"p-testtest"},"Content":"{}"}]}""",
            "Policies[0].PolicySummary.Type", "required field is missing", null },
        { "policy without content", "{" + Org + "," + Root + ",\"Policies\":[{\"PolicySummary\":{\"Id\":\"p-testtest\",\"Type\":\"SERVICE_CONTROL_POLICY\"}}]}",
            "Policies[0].Content", "required field is missing", null },
        { "policy content a number", $$"""{{{Org}},{{Root}},"Policies":[{"PolicySummary":{"Id":"p-testtest","Type":"SERVICE_CONTROL_POLICY"},"Content":5}]}""",
            "Policies[0].Content", "expected a policy document (a JSON string, or an object), found a number", null },
        { "duplicate policy", $$"""{{{Org}},{{Root}},"Policies":[{"PolicySummary":{"Id":"p-testtest","Type":"SERVICE_CONTROL_POLICY"},"Content":"{}"},{"PolicySummary":{"Id":"p-testtest","Type":"RESOURCE_CONTROL_POLICY"},"Content":"{}"}]}""",
            "Policies[1].PolicySummary.Id", "duplicate policy id `p-testtest`", null },
        { "policy AwsManaged flag a string", $$"""{{{Org}},{{Root}},"Policies":[{"PolicySummary":{"Id":"p-testtest","Type":"SERVICE_CONTROL_POLICY","AwsManaged":"yes"},"Content":"{}"}]}""",
            "Policies[0].PolicySummary.AwsManaged", "expected true or false, found a string", null },
        { "unknown target", Policy("""{"TargetId":"ou-test-nowhere1","Type":"ORGANIZATIONAL_UNIT"}"""),
            "Policies[0].Targets[0].TargetId", "unknown target `ou-test-nowhere1`: no root, OU or account in this file has this id", null },
        { "target of the wrong type", Policy("""{"TargetId":"r-test","Type":"ACCOUNT"}"""),
            "Policies[0].Targets[0].Type", "target `r-test` is the root, not `ACCOUNT`", null },
        { "unknown target type", Policy("""{"TargetId":"r-test","Type":"FOLDER"}"""),
            "Policies[0].Targets[0].Type", "unknown target type `FOLDER`: expected `ROOT`, `ORGANIZATIONAL_UNIT` or `ACCOUNT`", null },
        { "targets not an array", $$"""{{{Org}},{{Root}},"Policies":[{"PolicySummary":{"Id":"p-testtest","Type":"SERVICE_CONTROL_POLICY"},"Content":"{}","Targets":"r-test"}]}""",
            "Policies[0].Targets", "expected an array, found a string", null },
        { "duplicate key", "{\n" + Org + ",\n" + Root + ",\n\"Roots\": []\n}", "Roots", "duplicate key `Roots`: each key may appear once in an object", 4 },
        { "duplicate key spelt with an escape", $$"""{"Organization":{"Id":"o-testorgid01","\u0049d":"o-other","MasterAccountId":"123456789012"},{{Root}}}""",
            "Organization.Id", "duplicate key `Id`", 1 },
        { "lone high surrogate in a value", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"111111111111","Name":"\uD800","ParentId":"r-test"}]}""",
            "Accounts[0].Name", "a string's escape is not valid UTF-16: a lone surrogate", 1 },
        { "lone low surrogate in a key", $$"""{{{Org}},{{Root}},"\uDC00":1}""", "\uFFFD", "a key's escape is not valid UTF-16", 1 },
        { "broken escape", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"\u12"}]}""", "", "invalid JSON", 1 },
        { "trailing comma", "{\n" + Org + ",\n" + Root + ",\n}", "", "invalid JSON", 4 },
        { "comment", "// the organisation\n{" + Org + "," + Root + "}", "", "invalid JSON", 1 },
        { "empty file", "", "", "invalid JSON: the text holds no JSON value; expected an object or an array", 1 },
        { "whitespace only", "  \n  ", "", "invalid JSON", null },
        { "two documents", $$"""{{{Org}},{{Root}}} {}""", "", "invalid JSON", 1 },
        { "deep nesting", new string('[', 100) + new string(']', 100), "", "maximum configured depth of 64", 1 },
        { "string far too long", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"111111111111","Name":"{{new string('x', 5000)}}","ParentId":"r-test"}]}""",
            "Accounts[0].Name", "the value is 5000 characters long; at most 2048 are read", null },
        { "escaped NUL in an id", $$"""{{{Org}},{{Root}},"Accounts":[{"Id":"11111111111\u0000","ParentId":"r-test"}]}""",
            "Accounts[0].Id", "is not an account id: expected 12 digits", null },
        { "raw NUL", "{" + Org + "," + Root + ",\"x\":\"a\0b\"}", "", "invalid JSON", 1 },
    };

    /// <summary>Broken <c>resources.json</c> files of account 111111111111, each with its first error's path and message.</summary>
    public static TheoryData<string, string, string, string> MalformedResources() => new()
    {
        { "not an object", "\"buckets\"", "", "resources.json is a JSON object with `Buckets`, `KmsKeys` and `Other`" },
        { "buckets not an array", """{"Buckets":{"Name":"b"}}""", "Buckets", "expected an array, found an object" },
        { "bucket without name", """{"Buckets":[{"Region":"eu-west-1"}]}""", "Buckets[0].Name", "required field is missing" },
        { "bucket name with a slash", """{"Buckets":[{"Name":"a/b"}]}""", "Buckets[0].Name", "`a/b` is not a bucket name" },
        { "bucket twice", """{"Buckets":[{"Name":"b"},{"Name":"b"}]}""", "Buckets[1].Name", "duplicate bucket `b`: `Buckets[0]` has it too" },
        { "block public access not a boolean", """{"Buckets":[{"Name":"b","PublicAccessBlock":{"BlockPublicAcls":"yes"}}]}""",
            "Buckets[0].PublicAccessBlock.BlockPublicAcls", "expected true or false, found a string" },
        { "account block public access not a boolean", """{"PublicAccessBlock":{"PublicAccessBlockConfiguration":{"RestrictPublicBuckets":1}}}""",
            "PublicAccessBlock.PublicAccessBlockConfiguration.RestrictPublicBuckets", "expected true or false, found a number" },
        { "unknown ownership", """{"Buckets":[{"Name":"b","OwnershipControls":"Everyone"}]}""", "Buckets[0].OwnershipControls", "unknown object ownership `Everyone`" },
        { "ownership rules empty", """{"Buckets":[{"Name":"b","OwnershipControls":{"Rules":[]}}]}""", "Buckets[0].OwnershipControls.Rules", "no rule" },
        { "unknown algorithm", """{"Buckets":[{"Name":"b","Encryption":{"SSEAlgorithm":"ROT13"}}]}""",
            "Buckets[0].Encryption.SSEAlgorithm", "unknown algorithm `ROT13`: expected `AES256`, `aws:kms` or `aws:kms:dsse`" },
        { "encryption without algorithm", """{"Buckets":[{"Name":"b","Encryption":{"KMSMasterKeyID":"k"}}]}""", "Buckets[0].Encryption.SSEAlgorithm", "required field is missing" },
        { "encryption rules empty", """{"Buckets":[{"Name":"b","Encryption":{"Rules":[]}}]}""", "Buckets[0].Encryption.Rules", "no rule" },
        { "policy a boolean", """{"Buckets":[{"Name":"b","Policy":true}]}""", "Buckets[0].Policy", "expected a policy document" },
        { "key without policy", """{"KmsKeys":[{"KeyId":"k1","Arn":"arn:aws:kms:eu-west-1:111111111111:key/k1"}]}""", "KmsKeys[0].Policy", "required field is missing" },
        { "key ARN not a key", """{"KmsKeys":[{"KeyId":"k1","Arn":"arn:aws:kms:eu-west-1:111111111111:alias/k1","Policy":"{}"}]}""",
            "KmsKeys[0].Arn", "is not a KMS key ARN" },
        { "key of another account", """{"KmsKeys":[{"KeyId":"k1","Arn":"arn:aws:kms:eu-west-1:222222222222:key/k1","Policy":"{}"}]}""",
            "KmsKeys[0].Arn", "belongs to account `222222222222`, not to `111111111111` whose folder lists it" },
        { "key id not the ARN's", """{"KmsKeys":[{"KeyId":"k2","Arn":"arn:aws:kms:eu-west-1:111111111111:key/k1","Policy":"{}"}]}""",
            "KmsKeys[0].KeyId", "key id `k2` is not the id in the key's ARN, `k1`" },
        { "unknown key manager", """{"KmsKeys":[{"KeyId":"k1","Arn":"arn:aws:kms:eu-west-1:111111111111:key/k1","KeyManager":"ME","Policy":"{}"}]}""",
            "KmsKeys[0].KeyManager", "unknown key manager `ME`" },
        { "other not an ARN", """{"Other":[{"Arn":"my-queue","Policy":"{}"}]}""", "Other[0].Arn", "`my-queue` is not an ARN" },
        { "other of another account", """{"Other":[{"Arn":"arn:aws:sqs:eu-west-1:222222222222:q","Policy":"{}"}]}""", "Other[0].Arn", "belongs to account `222222222222`" },
        { "other twice", """{"Other":[{"Arn":"arn:aws:sqs:eu-west-1:111111111111:q","Policy":"{}"},{"Arn":"arn:aws:sqs:eu-west-1:111111111111:q","Policy":"{}"}]}""",
            "Other[1].Arn", "duplicate resource" },
        { "policy far too long", $$"""{"Other":[{"Arn":"arn:aws:sqs:eu-west-1:111111111111:q","Policy":"{{new string(' ', 1_100_000)}}"}]}""",
            "Other[0].Policy", "the policy document is 1100000 characters long; at most 1048576 are read" },
    };

    [Theory]
    [MemberData(nameof(MalformedOrganizations))]
    public void ReadFolder_MalformedOrganizationFile_ReportsPathAndMessage(string name, string json, string path, string message, int? line)
    {
        // Arrange
        using var folder = TempFolder.Create().Write("organization.json", json);

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        Assert.False(result.Success, name);
        Assert.Null(result.Snapshot);
        var error = result.Errors[0];
        Assert.True(error.File == "organization.json" && error.Path == path && error.Message.Contains(message, StringComparison.Ordinal)
            && (line is null || error.Line == line), $"{name}: expected `{path}: {message}` (line {line}), got `{string.Join("; ", result.Errors)}`");
    }

    [Theory]
    [MemberData(nameof(MalformedResources))]
    public void ReadFolder_MalformedResourcesFile_ReportsPathAndMessage(string name, string json, string path, string message)
    {
        // Arrange
        using var folder = TempFolder.Create().Write("organization.json", OrganizationWithMember).Write("accounts/111111111111/resources.json", json);

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        Assert.False(result.Success, name);
        var error = result.Errors[0];
        Assert.True(error.File == "accounts/111111111111/resources.json" && error.Path == path && error.Message.Contains(message, StringComparison.Ordinal),
            $"{name}: expected `{path}: {message}`, got `{string.Join("; ", result.Errors)}`");
    }

    [Fact]
    public void ReadFolder_Utf16File_SaysToSaveItAsUtf8()
    {
        // Arrange: Windows PowerShell 5's `>` writes UTF-16 with a byte order mark.
        using var folder = TempFolder.Create().Write("organization.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(OrganizationWithMember)]);

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal("the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8", error.Message);
    }

    [Fact]
    public void ReadFolder_InvalidUtf8_ReportsTheByteAndLine()
    {
        // Arrange: a Latin-1 "é" (0xE9) where UTF-8 was expected, on line 2.
        byte[] bytes = [.. "{\n\"Organization\":{\"Id\":\"caf"u8, 0xE9, .. "\"}}"u8];
        using var folder = TempFolder.Create().Write("organization.json", bytes);

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("invalid UTF-8 at byte 27; the file must be UTF-8", 2), (error.Message, error.Line));
    }

    [Fact]
    public void ReadFolder_MalformedAuthorizationDetails_CarriesTheAccountReadersErrorsWithLines()
    {
        // Arrange
        const string gaad = "{\n  \"RoleDetailList\": [\n    { \"RoleName\": 7, \"Arn\": \"arn:aws:iam::111111111111:role/r\" }\n  ]\n}";
        using var folder = TempFolder.Create().Write("organization.json", OrganizationWithMember).Write("accounts/111111111111/authorization-details.json", gaad);

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

        // Assert
        var error = Assert.Single(result.Errors);
        Assert.Equal(("accounts/111111111111/authorization-details.json", "RoleDetailList[0].RoleName", 3), (error.File, error.Path, error.Line));
        Assert.Equal("expected a string, found a number", error.Message);
    }

    [Fact]
    public void ReadFolder_ManyErrors_KeepsTheBoundAndCountsTheRest()
    {
        // Arrange: 50 accounts with numeric ids, each an error.
        var accounts = string.Join(',', Enumerable.Range(0, 50).Select(static i => $$"""{"Id":{{i}},"ParentId":"r-test"}"""));
        using var folder = TempFolder.Create().Write("organization.json", $$"""{{{Org}},{{Root}},"Accounts":[{{accounts}}]}""");

        // Act
        var result = OrganizationSnapshotReader.ReadFolder(folder.Path, OrganizationReadLimits.Default with { MaxProblems = 10 });

        // Assert
        Assert.Equal(11, result.Errors.Length);
        Assert.Equal("40 more errors not shown", result.Errors[^1].Message);
    }

    [Fact]
    public void Errors_EveryMalformedCase_FollowTheMessageStyle()
    {
        foreach (var row in MalformedOrganizations())
        {
            // Arrange
            using var folder = TempFolder.Create().Write("organization.json", (string)row[1]);

            // Act
            var result = OrganizationSnapshotReader.ReadFolder(folder.Path);

            // Assert: lower case, no final period (the cedar style the project follows).
            foreach (var error in result.Errors)
            {
                Assert.False(char.IsUpper(error.Message[0]), $"{row[0]}: `{error.Message}` starts in upper case");
                Assert.False(error.Message.EndsWith('.'), $"{row[0]}: `{error.Message}` ends with a period");
            }
        }
    }

    private static string NestedOus(int depth) => string.Join(',', Enumerable.Range(1, depth)
        .Select(static i => $$"""{"Id":"ou-test-level{{i:000}}","ParentId":"{{(i == 1 ? "r-test" : $"ou-test-level{i - 1:000}")}}"}"""));

    private static string Policy(string target)
        => $$"""{{{Org}},{{Root}},"Accounts":[{{Member}}],"Policies":[{"PolicySummary":{"Id":"p-testtest","Type":"SERVICE_CONTROL_POLICY"},"Content":{{System.Text.Json.JsonSerializer.Serialize(FullAccess)}},"Targets":[{{target}}]}]}""";
}
