using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Accounts;
using PolicyEngine.Parsing;
using TestSupport.Paths;

namespace Governance.Core.Tests.Accounts;

public sealed class AccountSnapshotReaderTests
{
    [Fact]
    public async Task ReadAsync_CloudsplainingExample_ReadsEveryListWithCountsFromItsReadme()
    {
        // Arrange: ../shared/data/README.md gives these counts for the IAM Vulnerable export.
        await using var stream = File.OpenRead(TestData.Account("cloudsplaining-example.json"));

        // Act
        var result = await AccountSnapshotReader.ReadAsync(stream);

        // Assert
        Assert.True(result.Success, string.Join("; ", result.Errors));
        var snapshot = result.Snapshot!;
        Assert.Equal(44, snapshot.Users.Length);
        Assert.Equal(5, snapshot.Groups.Length);
        Assert.Equal(78, snapshot.Roles.Length);
        Assert.Equal(84, snapshot.Policies.Length);
        Assert.Equal(38, snapshot.Policies.Count(p => p.IsAwsManaged));
        Assert.Equal(2, snapshot.AccountIds.Count());
    }

    [Fact]
    public void Read_EveryDocumentInBothSnapshots_ParsesAsAPolicy()
    {
        foreach (var file in new[] { "cloudsplaining-example.json", "cloudsplaining-authz-details.json" })
        {
            var snapshot = AccountSnapshotReader.Read(File.ReadAllText(TestData.Account(file))).Snapshot!;
            var documents = snapshot.Roles.Select(r => r.TrustPolicy!)
                .Concat(snapshot.Roles.SelectMany(r => r.InlinePolicies).Select(p => p.Document))
                .Concat(snapshot.Users.SelectMany(u => u.InlinePolicies).Select(p => p.Document))
                .Concat(snapshot.Groups.SelectMany(g => g.InlinePolicies).Select(p => p.Document))
                .Concat(snapshot.Policies.SelectMany(p => p.Versions).Select(v => v.Document));

            foreach (var document in documents)
            {
                var parsed = PolicyParser.Parse(document);
                Assert.True(parsed.Success, $"{file}: {string.Join("; ", parsed.Diagnostics)}");
            }
        }
    }

    [Fact]
    public void Read_UrlEncodedDocuments_DecodesThemAsTheRawApiReturnsThem()
    {
        // Arrange: the IAM API returns documents as RFC 3986 percent-encoded strings.
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"glue.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var json = new JsonObject
        {
            ["RoleDetailList"] = new JsonArray(new JsonObject
            {
                ["RoleName"] = "etl",
                ["Arn"] = "arn:aws:iam::111122223333:role/etl",
                ["AssumeRolePolicyDocument"] = Uri.EscapeDataString(trust),
                ["RolePolicyList"] = new JsonArray(new JsonObject { ["PolicyName"] = "p", ["PolicyDocument"] = Uri.EscapeDataString("{\"Statement\":[]}") }),
            }),
        }.ToJsonString();

        // Act
        var role = Assert.Single(AccountSnapshotReader.Read(json).Snapshot!.Roles);

        // Assert
        Assert.Equal(trust, role.TrustPolicy);
        Assert.Equal("{\"Statement\":[]}", role.InlinePolicies[0].Document);
    }

    [Fact]
    public void Read_WrongTypes_ReportsEveryErrorWithItsPath()
    {
        const string json = """{"UserDetailList":[{"UserName":7,"Arn":"arn:aws:iam::111122223333:user/a"}],"RoleDetailList":{"oops":1}}""";

        var result = AccountSnapshotReader.Read(json);

        Assert.False(result.Success);
        Assert.Contains(result.Errors, e => e.Path == "UserDetailList[0].UserName" && e.Message.Contains("expected a string", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Path == "RoleDetailList" && e.Message.Contains("expected an array", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InvalidJson_ReportsTheLine()
    {
        var result = AccountSnapshotReader.Read("{\n\"UserDetailList\": [\n  {,}\n]}");

        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Read_NotAnExport_SaysWhatWasExpected()
    {
        var result = AccountSnapshotReader.Read("""{"Version":"2012-10-17","Statement":[]}""");

        Assert.Contains("get-account-authorization-details", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ArbitraryJson_NeverThrows()
    {
        CsCheck.Check.Sample(CsCheck.Gen.String, text =>
        {
            _ = AccountSnapshotReader.Read(text);
            _ = AccountSnapshotReader.Read(JsonSerializer.Serialize(new { UserDetailList = new[] { text } }));
        }, iter: 2_000);
    }
}
