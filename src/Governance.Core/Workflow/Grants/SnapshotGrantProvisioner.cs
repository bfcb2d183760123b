using System.Text.Json.Nodes;
using Governance.Core.Accounts;

namespace Governance.Core.Workflow.Grants;

/// <summary>The embedded provisioner: writes grants into the service's own account snapshot as inline role policies.</summary>
public sealed class SnapshotGrantProvisioner(AccountStateStore store) : IGrantProvisioner
{
    /// <inheritdoc />
    public async Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        string? error = null;
        await store.UpdateAsync(root =>
        {
            if (FindRole(root, grant.TargetRoleArn) is not { } role)
            {
                error = $"role `{grant.TargetRoleArn}` is not in the account snapshot";
                return false;
            }
            if (role["RolePolicyList"] is not JsonArray policies)
            {
                policies = [];
                role["RolePolicyList"] = policies;
            }
            Remove(policies, grant.PolicyName);
            policies.Add(new JsonObject
            {
                ["PolicyName"] = grant.PolicyName,
                ["PolicyDocument"] = JsonNode.Parse(grant.PolicyDocument),
            });
            return true;
        }, cancellationToken).ConfigureAwait(false);
        return error is null ? ProvisioningResult.Done : new ProvisioningResult(error);
    }

    /// <inheritdoc />
    public async Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await store.UpdateAsync(
            root => FindRole(root, grant.TargetRoleArn)?["RolePolicyList"] is JsonArray policies && Remove(policies, grant.PolicyName),
            cancellationToken).ConfigureAwait(false);
        return ProvisioningResult.Done;
    }

    private static JsonObject? FindRole(JsonObject root, string arn)
        => (root["RoleDetailList"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => string.Equals((string?)r["Arn"], arn, StringComparison.Ordinal));

    private static bool Remove(JsonArray policies, string name)
    {
        var removed = false;
        for (var i = policies.Count - 1; i >= 0; i--)
        {
            if (policies[i] is JsonObject p && string.Equals((string?)p["PolicyName"], name, StringComparison.Ordinal))
            {
                policies.RemoveAt(i);
                removed = true;
            }
        }
        return removed;
    }
}
