using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Policies.PermissionSets;

namespace Governance.Cli.Inputs;

/// <summary>What <c>iamgov drift --org</c> compares: the member accounts' IAM, the organisation, and the guardrails kept as code.</summary>
/// <param name="State">The member accounts' IAM, the account <c>roles/</c> describes first (the drift calculator reads roles in the first).</param>
/// <param name="Organization">The organisation; null for a single account's file, which knows no SCPs or RCPs.</param>
/// <param name="Guardrails">The guardrails from <c>guardrails/</c>; empty when <paramref name="Organization"/> is null.</param>
internal sealed record OrganizationDriftInputs(AccountState State, OrganizationSnapshot? Organization, ImmutableArray<GuardrailDefinition> Guardrails)
{
    /// <summary>
    /// Reads the snapshot at <paramref name="path"/> and the guardrails folder; null with <paramref name="errors"/> added
    /// when either cannot be read. <c>roles/</c> describes <paramref name="rolesAccount"/> when given, else the member
    /// account that holds the most of its roles (the lowest id on a tie): roles kept as code name no account.
    /// </summary>
    public static OrganizationDriftInputs? Read(string path, Stream standardInput, string guardrailsFolder, ImmutableArray<RoleDefinition> roles, string? rolesAccount,
        List<string> errors, TextWriter stderr)
    {
        var read = OrganizationSnapshotSource.Read(path, standardInput);
        var (guardrails, guardrailErrors) = GuardrailDefinitionLoader.LoadDirectory(guardrailsFolder);
        errors.AddRange(read.Errors.Take(10).Select(static e => e.ToString()));
        errors.AddRange(guardrailErrors.Select(static (PolicyFileError e) => $"guardrails/{e}"));
        if (read.Snapshot is not { } snapshot || errors.Count > 0)
        {
            return null;
        }
        var members = snapshot.Contents.Where(c => c.Iam is not null && snapshot.IsInOrganization(c.AccountId)).ToList();
        if (members.Count == 0)
        {
            errors.Add($"{path}: the organisation snapshot holds no member account's IAM");
            return null;
        }
        var names = roles.Select(static r => r.Name).ToHashSet(StringComparer.Ordinal);
        var described = rolesAccount ?? members
            .OrderByDescending(m => m.Iam!.Roles.Count(r => names.Contains(r.RoleName)))
            .ThenBy(static m => m.AccountId, StringComparer.Ordinal)
            .First().AccountId;
        if (!members.Any(m => m.AccountId == described))
        {
            errors.Add($"--roles-account `{described}` is not a member account whose IAM {path} holds");
            return null;
        }
        var state = new AccountState(members.OrderBy(m => m.AccountId == described ? 0 : 1).Select(static m => m.Iam!));
        if (snapshot.Organization is null)
        {
            stderr.WriteLine($"iamgov: {path} is one account's IAM: the organisation's SCPs and RCPs are unknown, so guardrails/ is not compared");
            return new OrganizationDriftInputs(state, null, []);
        }
        return new OrganizationDriftInputs(state, snapshot, guardrails);
    }
}
