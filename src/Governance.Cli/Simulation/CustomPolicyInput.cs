using System.Collections.Immutable;
using System.Text.Json;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;
using PolicyEngine.Syntax;

namespace Governance.Cli.Simulation;

/// <summary>
/// The input of <c>aws iam simulate-custom-policy --cli-input-json</c>, read into a policy set and requests.
/// https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
/// </summary>
internal sealed record CustomPolicyInput(PolicySet Policies, ImmutableArray<string> Actions, ImmutableArray<string> Resources,
    string Caller, string? ResourceAccount, RequestContext Context)
{
    /// <summary>Policy names as AWS's simulator reports them in <c>SourcePolicyId</c>.</summary>
    public const string ResourcePolicyName = "ResourcePolicy";

    /// <summary>Reads the input JSON; the error is a message for the user.</summary>
    public static (CustomPolicyInput? Input, string? Error) Parse(string json)
    {
        // Checked first: a lone surrogate escape in any string would otherwise throw when that string is read.
        if (!JsonTextCheck.TryParse(json, JsonTextRules.Default, out var document, out var problem))
        {
            return (null, $"input is not valid JSON: {problem}");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "input must be a JSON object");
            }
            var actions = Strings(root, "ActionNames");
            if (actions.IsEmpty)
            {
                return (null, "`ActionNames` must list at least one action");
            }
            var identity = Strings(root, "PolicyInputList").Select((text, i) => NamedPolicy.Parse($"PolicyInputList.{i + 1}", text));
            var boundaries = Strings(root, "PermissionsBoundaryPolicyInputList");
            var resourcePolicy = String(root, "ResourcePolicy");
            var owner = String(root, "ResourceOwner");
            string? ownerAccount = owner;
            if (owner is not null && owner.StartsWith("arn:", StringComparison.Ordinal))
            {
                if (!Arn.TryParse(owner, out var ownerArn))
                {
                    return (null, $"`ResourceOwner` `{owner}` is not an ARN such as arn:aws:iam::123456789012:root, nor an account id");
                }
                ownerAccount = ownerArn.Account;
            }
            var caller = String(root, "CallerArn") ?? $"arn:aws:iam::{ownerAccount ?? "123456789012"}:user/simulated-caller";
            var policies = new PolicySet
            {
                IdentityPolicies = [.. identity],
                PermissionsBoundary = boundaries.IsEmpty ? null : NamedPolicy.Parse("PermissionsBoundaryPolicyInputList.1", boundaries[0]),
                ResourcePolicy = resourcePolicy is null ? null : NamedPolicy.Parse(ResourcePolicyName, resourcePolicy),
            };
            var resources = Strings(root, "ResourceArns");
            return (new CustomPolicyInput(policies, actions, resources.IsEmpty ? ["*"] : resources, caller, ownerAccount, ContextOf(root)), null);
        }
    }

    private static RequestContext ContextOf(JsonElement root)
    {
        if (!root.TryGetProperty("ContextEntries", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return RequestContext.Empty;
        }
        var pairs = new List<KeyValuePair<string, ImmutableArray<string>>>();
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && String(entry, "ContextKeyName") is { } key)
            {
                pairs.Add(KeyValuePair.Create(key, Strings(entry, "ContextKeyValues")));
            }
        }
        return RequestContext.Create(pairs);
    }

    private static string? String(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableArray<string> Strings(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return [];
        }
        return value.ValueKind switch
        {
            JsonValueKind.Array => [.. value.EnumerateArray().Select(static v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText())],
            JsonValueKind.String => [value.GetString()!],
            _ => [],
        };
    }
}
