using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;
using TestSupport.Paths;
using Xunit.Abstractions;

namespace PolicyEngine.Tests.Corpus;

/// <summary>
/// Every policy document of the account snapshots (<c>get-account-authorization-details</c> format) validates with
/// no error as the kind it is used as: managed policy versions, inline user, group and role policies, trust policies.
/// </summary>
public sealed class AccountSnapshotCorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Snapshots()
        => [.. Directory.GetFiles(TestData.Path("accounts"), "*.json").Select(static f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Validate_EveryDocumentOfSnapshot_FindsNoError(string file)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(TestData.Path("accounts"), file)));
        var errors = new List<string>();
        var count = 0;
        foreach (var (label, document, kind, container) in Documents(json.RootElement))
        {
            count++;
            var report = PolicyValidator.Validate(document, kind, new ValidationOptions { Container = container });
            errors.AddRange(report.Findings.Where(static f => f.Severity == Severity.Error)
                .Select(f => $"{label} ({kind}, {container}) {f.Location}: {f.Code} {f.Message}"));
        }

        output.WriteLine($"validated {count} policy documents of {file}");
        Assert.True(count > 10, $"expected the snapshot's documents, read {count}");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    private static IEnumerable<(string Label, JsonElement Document, PolicyKind Kind, PolicyContainer Container)> Documents(JsonElement root)
    {
        foreach (var policy in Items(root, "Policies"))
        {
            var awsManaged = policy.GetProperty("Arn").GetString()!.StartsWith("arn:aws:iam::aws:", StringComparison.Ordinal);
            foreach (var version in Items(policy, "PolicyVersionList"))
            {
                yield return ($"policy {policy.GetProperty("PolicyName").GetString()} {version.GetProperty("VersionId").GetString()}",
                    version.GetProperty("Document"), PolicyKind.Identity, awsManaged ? PolicyContainer.AwsManaged : PolicyContainer.Managed);
            }
        }
        foreach (var (list, name, inline, container) in new[]
        {
            ("UserDetailList", "UserName", "UserPolicyList", PolicyContainer.UserInline),
            ("GroupDetailList", "GroupName", "GroupPolicyList", PolicyContainer.GroupInline),
            ("RoleDetailList", "RoleName", "RolePolicyList", PolicyContainer.RoleInline),
        })
        {
            foreach (var entity in Items(root, list))
            {
                var entityName = entity.GetProperty(name).GetString();
                foreach (var policy in Items(entity, inline))
                {
                    yield return ($"{entityName} inline {policy.GetProperty("PolicyName").GetString()}",
                        policy.GetProperty("PolicyDocument"), PolicyKind.Identity, container);
                }
                if (entity.TryGetProperty("AssumeRolePolicyDocument", out var trust))
                {
                    yield return ($"{entityName} trust", trust, PolicyKind.Trust, PolicyContainer.Managed);
                }
            }
        }
    }

    private static List<JsonElement> Items(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];
}
