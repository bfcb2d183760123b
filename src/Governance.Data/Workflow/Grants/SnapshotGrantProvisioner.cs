using System.Text.Json.Nodes;
using Governance.Core.Accounts;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;

namespace Governance.Core.Workflow.Grants;

/// <summary>
/// The embedded provisioner: writes grants into the service's organisation copy as inline policies of the target
/// role, in its account's IAM, so that every node answers with the grant from the next question on.
/// </summary>
/// <remarks>
/// Scoped: it writes through the workflow's own context, so the copy's new version commits in the same transaction
/// as the approval or revocation that caused it, or not at all.
/// </remarks>
public sealed class SnapshotGrantProvisioner(OrganizationStore store, GovernanceDbContext db) : IGrantProvisioner
{
    /// <inheritdoc />
    public async Task<ProvisioningResult> ProvisionAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        string? error = null;
        var account = AccountSnapshot.AccountOf(grant.TargetRoleArn);
        var state = await store.UpdateAccountIamAsync(db, account, root =>
        {
            if (FindRole(root, grant.TargetRoleArn) is not { } role)
            {
                error = $"role `{grant.TargetRoleArn}` is not in the organisation copy";
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
        }, $"grant {grant.Id} provisioned", cancellationToken).ConfigureAwait(false);
        error ??= state is null ? $"account `{account}` of role `{grant.TargetRoleArn}` is not in the organisation copy" : null;
        return error is null ? ProvisioningResult.Done : new ProvisioningResult(error);
    }

    /// <inheritdoc />
    public async Task<ProvisioningResult> RevokeAsync(Grant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        await store.UpdateAccountIamAsync(db, AccountSnapshot.AccountOf(grant.TargetRoleArn),
            root => FindRole(root, grant.TargetRoleArn)?["RolePolicyList"] is JsonArray policies && Remove(policies, grant.PolicyName),
            $"grant {grant.Id} revoked", cancellationToken).ConfigureAwait(false);
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
