using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Governance.Core.Accounts;
using Governance.Core.Drift;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Tests.Drift;

/// <summary>Roles as code and account snapshots for the drift tests, built as JSON the real readers read.</summary>
internal static class DriftTestAccount
{
    public const string Account = "111122223333";
    public const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";
    public const string Analyst = "arn:aws:iam::111122223333:role/analyst";
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public const string ReadLake = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Objects","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"},
          {"Sid":"Bucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::lake"}]}
        """;

    /// <summary><see cref="ReadLake"/> with its statements in the other order, lists for strings and no Sids: the same decisions.</summary>
    public const string ReadLakeReordered = """
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["s3:ListBucket"],"Resource":["arn:aws:s3:::lake"]},
          {"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::lake/*"]}]}
        """;

    public static string Policy(string action, string resource) => Policy([action], resource);

    public static string Policy(string[] actions, string resource) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. actions.Select(static a => (JsonNode)a)]),
            ["Resource"] = resource,
        }),
    }.ToJsonString();

    public static string TrustOf(string principalJson, string? conditionJson = null)
        => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principalJson}},"Action":"sts:AssumeRole"{{(conditionJson is null ? "" : ",\"Condition\":" + conditionJson)}}}]}""";

    public static RoleDefinition Role(string name, params (string Name, string Document)[] inline)
        => new(name, "/", Trust, [.. inline.Select(static p => new InlinePolicy(p.Name, p.Document))], [], null, []);

    public static DesiredState Desired(params RoleDefinition[] roles) => new([.. roles], []);

    public static DesiredState Desired(Grant[] grants, params RoleDefinition[] roles) => new([.. roles], [.. grants]);

    public static Grant ActiveGrant(DateTimeOffset end)
    {
        var window = new GrantWindow(end.AddHours(-8), end);
        var document = GrantPolicy.WithExpiry(Policy("s3:PutObject", "arn:aws:s3:::lake/*"), window);
        return new Grant(Guid.NewGuid(), Guid.NewGuid(), "alice", "lake-write", "analyst", Analyst, document, window);
    }

    public static JsonObject AccountRole(string name, params (string Name, string Document)[] inline) => new()
    {
        ["Path"] = "/",
        ["RoleName"] = name,
        ["RoleId"] = "AROA" + name.ToUpperInvariant().Replace("-", string.Empty, StringComparison.Ordinal),
        ["Arn"] = $"arn:aws:iam::{Account}:role/{name}",
        ["AssumeRolePolicyDocument"] = JsonNode.Parse(Trust),
        ["RolePolicyList"] = new JsonArray([.. inline.Select(static p => (JsonNode)new JsonObject
        {
            ["PolicyName"] = p.Name,
            ["PolicyDocument"] = JsonNode.Parse(p.Document),
        })]),
        ["AttachedManagedPolicies"] = new JsonArray(),
        ["Tags"] = new JsonArray(),
    };

    public static JsonObject WithTrust(this JsonObject role, string trust)
    {
        role["AssumeRolePolicyDocument"] = JsonNode.Parse(trust);
        return role;
    }

    public static JsonObject WithTags(this JsonObject role, params (string Key, string Value)[] tags)
    {
        role["Tags"] = new JsonArray([.. tags.Select(static t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]);
        return role;
    }

    public static JsonObject WithBoundary(this JsonObject role, string policyArn)
    {
        role["PermissionsBoundary"] = new JsonObject { ["PermissionsBoundaryType"] = "Policy", ["PermissionsBoundaryArn"] = policyArn };
        return role;
    }

    /// <summary>A customer managed policy, for boundaries and attachments.</summary>
    public static JsonObject ManagedPolicy(string name, string document) => new()
    {
        ["PolicyName"] = name,
        ["PolicyId"] = "ANPA" + name.ToUpperInvariant(),
        ["Arn"] = ManagedPolicyArn(name),
        ["Path"] = "/",
        ["DefaultVersionId"] = "v1",
        ["PolicyVersionList"] = new JsonArray(new JsonObject
        {
            ["Document"] = JsonNode.Parse(document),
            ["VersionId"] = "v1",
            ["IsDefaultVersion"] = true,
        }),
    };

    public static string ManagedPolicyArn(string name) => $"arn:aws:iam::{Account}:policy/{name}";

    public static AccountState State(params JsonObject[] roles) => State(roles, []);

    public static AccountState State(JsonObject[] roles, JsonObject[] policies)
    {
        var json = new JsonObject
        {
            ["UserDetailList"] = new JsonArray(),
            ["GroupDetailList"] = new JsonArray(),
            ["RoleDetailList"] = new JsonArray([.. roles]),
            ["Policies"] = new JsonArray([.. policies]),
        }.ToJsonString();
        var read = AccountSnapshotReader.Read(json);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        return new AccountState([read.Snapshot!]);
    }

    public static ImmutableArray<IamTag> Tags(params (string Key, string Value)[] tags) => [.. tags.Select(static t => new IamTag(t.Key, t.Value))];
}
