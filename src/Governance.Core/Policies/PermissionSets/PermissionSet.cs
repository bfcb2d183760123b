using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Accounts;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>Access that engineers may request for a limited time, defined as code in <c>policies/permission-sets/</c>.</summary>
/// <param name="Name">Its name, such as <c>lake-read</c>; also the file's name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="Statements">The Allow statements it grants.</param>
/// <param name="AllowedResources">The resources a request may name.</param>
/// <param name="MaxDurationHours">The longest grant a request may ask for.</param>
/// <param name="ApprovalsRequired">Distinct approvals needed (the approval rules may ask for more).</param>
/// <param name="RequesterRoles">The roles that may request it.</param>
public sealed record PermissionSet(
    string Name,
    string Description,
    ImmutableArray<PermissionSetStatement> Statements,
    ImmutableArray<ResourcePattern> AllowedResources,
    int MaxDurationHours,
    int ApprovalsRequired,
    ImmutableArray<string> RequesterRoles)
{
    /// <summary>True when some statement needs S3 ARNs (it uses <c>{{bucket}}</c> or <c>{{objects}}</c>).</summary>
    public bool NeedsS3Resources => Statements.Any(static s => s.Resources.Any(ResourcePlaceholders.NeedsS3));

    /// <summary>Why <paramref name="resource"/> cannot be requested with this set, or null when it can.</summary>
    public string? CheckResource(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (ArnText.WhyNot(resource, "a resource") is { } notArn)
        {
            return notArn;
        }
        if (!resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            return $"`{resource}` is not an ARN";
        }
        if (!AllowedResources.Any(p => p.Covers(resource)))
        {
            return $"`{resource}` is outside what `{Name}` allows: {string.Join(", ", AllowedResources.Select(static p => $"`{p.Pattern}`"))}";
        }
        if (NeedsS3Resources && !ResourcePlaceholders.IsS3(resource))
        {
            return $"`{Name}` grants S3 access, so its resources are S3 bucket or object ARNs";
        }
        return null;
    }

    /// <summary>The identity policy this set grants on <paramref name="resources"/> (already checked), without expiry.</summary>
    public string RenderPolicy(IReadOnlyList<string> resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var statements = new JsonArray();
        foreach (var statement in Statements)
        {
            var filled = statement.Resources
                .SelectMany(t => t.Contains("{{", StringComparison.Ordinal) ? resources.Select(r => ResourcePlaceholders.Fill(t, r)) : [t])
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            var node = new JsonObject();
            if (statement.Sid is { Length: > 0 } sid)
            {
                node["Sid"] = sid;
            }
            node["Effect"] = "Allow";
            node["Action"] = new JsonArray([.. statement.Actions.Select(static a => (JsonNode)a)]);
            node["Resource"] = new JsonArray([.. filled.Select(static r => (JsonNode)r)]);
            statements.Add(node);
        }
        var policy = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = statements };
        return policy.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
