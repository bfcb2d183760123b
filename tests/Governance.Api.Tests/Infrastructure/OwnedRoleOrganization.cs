using System.Text.Json.Nodes;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The demo organisation with one role only its requester can act as: <c>alice-sandbox</c>, which only the user
/// <c>alice</c> may assume, both tagged <c>iamgov:owner</c> with <see cref="Owner"/>, so that a request onto it can meet
/// every condition of automatic approval, as no role of the demo organisation itself can.
/// </summary>
public static class OwnedRoleOrganization
{
    /// <summary>The token subject the sandbox and its one assumer belong to.</summary>
    public const string Owner = "sandbox-owner";

    /// <summary>The role's ARN.</summary>
    public const string RoleArn = "arn:aws:iam::111122223333:role/alice-sandbox";

    /// <summary>Copies <c>policies/demo-org</c> into <paramref name="folder"/> with the sandbox, and returns the copy's path.</summary>
    public static string CopyInto(TempFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        FolderCopy.Copy(Path.Combine(RepositoryPaths.Policies, "demo-org"), folder.Path);
        var iamFile = Path.Combine(folder.Path, "accounts", "111122223333", "authorization-details.json");
        var iam = JsonNode.Parse(File.ReadAllText(iamFile))!;
        var owner = new JsonObject { ["Key"] = "iamgov:owner", ["Value"] = Owner };
        var alice = iam["UserDetailList"]!.AsArray().Single(u => (string?)u!["UserName"] == "alice")!;
        alice["Tags"]!.AsArray().Add(owner.DeepClone());
        iam["RoleDetailList"]!.AsArray().Add(JsonNode.Parse($$"""
            {
              "Path": "/", "RoleName": "alice-sandbox", "RoleId": "AROAEXAMPLESANDBOX01", "Arn": "{{RoleArn}}",
              "CreateDate": "2026-12-01T09:00:00Z",
              "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
                "Principal": {"AWS": "arn:aws:iam::111122223333:user/alice"}, "Action": "sts:AssumeRole"}]},
              "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": [],
              "Tags": [{"Key": "iamgov:owner", "Value": "{{Owner}}"}]
            }
            """));
        File.WriteAllText(iamFile, iam.ToJsonString());
        return folder.Path;
    }
}
