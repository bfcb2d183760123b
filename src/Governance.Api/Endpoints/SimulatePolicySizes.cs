using System.Text.Json;
using Governance.Core.Accounts;

namespace Governance.Api.Endpoints;

/// <summary>
/// The policies of one simulate case against AWS's quotas for their kind (<see cref="PolicySizeQuotas"/>), before they
/// are parsed: a policy AWS would never hold is not a question about AWS, and its size bounds the engine's work.
/// </summary>
internal static class SimulatePolicySizes
{
    /// <summary>The first policy over its quota, as the field that holds it and what is wrong; null when every one fits.</summary>
    /// <param name="testCase">The case object.</param>
    /// <param name="prefix">The case's field (<c>cases[3]</c>), or empty for a single case.</param>
    public static (string Field, string Message)? FirstTooLarge(JsonElement testCase, string prefix)
    {
        var at = prefix.Length == 0 ? string.Empty : prefix + ".";
        if (testCase.TryGetProperty("identityPolicies", out var identity) && identity.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var policy in identity.EnumerateArray())
            {
                // A role's inline policies together may hold more than one managed policy: the larger quota bounds each.
                if (TooLarge(policy, PolicySizeQuotas.RoleInlinePolicies, "an identity policy") is { } message)
                {
                    return ($"{at}identityPolicies[{index}]", message);
                }
                index++;
            }
        }
        foreach (var (name, quota, what) in new[]
        {
            ("permissionsBoundary", PolicySizeQuotas.ManagedPolicy, "a permissions boundary (a managed policy)"),
            ("sessionPolicy", PolicySizeQuotas.SessionPolicy, "a session policy"),
            ("resourcePolicy", PolicySizeQuotas.ResourcePolicy, "a resource policy"),
        })
        {
            if (testCase.TryGetProperty(name, out var policy) && policy.ValueKind == JsonValueKind.Object && TooLarge(policy, quota, what) is { } message)
            {
                return ($"{at}{name}", message);
            }
        }
        foreach (var name in new[] { "serviceControlPolicies", "resourceControlPolicies" })
        {
            if (!testCase.TryGetProperty(name, out var levels) || levels.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            var level = 0;
            foreach (var policies in levels.EnumerateArray())
            {
                if (policies.ValueKind != JsonValueKind.Array)
                {
                    level++;
                    continue;
                }
                var index = 0;
                foreach (var policy in policies.EnumerateArray())
                {
                    if (TooLarge(policy, PolicySizeQuotas.OrganizationPolicy, "an organization policy") is { } message)
                    {
                        return ($"{at}{name}[{level}][{index}]", message);
                    }
                    index++;
                }
                level++;
            }
        }
        return null;
    }

    /// <summary>A policy is <c>{"name","document"}</c> or the document itself, as <c>ConformanceCaseReader</c> reads it.</summary>
    private static string? TooLarge(JsonElement policy, int quota, string what)
    {
        var document = policy.ValueKind == JsonValueKind.Object && policy.TryGetProperty("document", out var inner) ? inner : policy;
        var size = PolicySizeQuotas.Count(document.GetRawText());
        return size > quota ? $"{what} of {size} characters (white space not counted); AWS allows at most {quota}" : null;
    }
}
