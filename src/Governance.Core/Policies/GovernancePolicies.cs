using Governance.Core.Policies.Approvals;
using Governance.Core.Policies.PermissionSets;

namespace Governance.Core.Policies;

/// <summary>The policies-as-code the service runs with: what can be requested and how it is approved.</summary>
/// <param name="PermissionSets">The requestable sets.</param>
/// <param name="ApprovalRules">The approval rules.</param>
public sealed record GovernancePolicies(PermissionSetCatalog PermissionSets, ApprovalRules ApprovalRules)
{
    /// <summary>Loads <c>permission-sets/</c> and <c>approval-rules.json</c> from a policies folder.</summary>
    /// <exception cref="InvalidDataException">A file is invalid; the message lists every problem.</exception>
    public static GovernancePolicies Load(string policiesDirectory)
    {
        ArgumentNullException.ThrowIfNull(policiesDirectory);
        var sets = PermissionSetLoader.LoadDirectory(Path.Combine(policiesDirectory, "permission-sets"));
        var (rules, ruleErrors) = ApprovalRulesLoader.LoadFile(Path.Combine(policiesDirectory, "approval-rules.json"), sets.Catalog);
        var errors = sets.Errors.AddRange(ruleErrors);
        return errors.IsEmpty
            ? new GovernancePolicies(sets.Catalog, rules!)
            : throw new InvalidDataException($"policies in `{policiesDirectory}` are invalid:\n  " + string.Join("\n  ", errors));
    }
}
