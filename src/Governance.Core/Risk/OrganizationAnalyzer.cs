using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Risk;

/// <summary>
/// Audits an organisation snapshot: every member account's principals as <see cref="AccountAnalyzer"/> does, then, from
/// the resource side, what principals outside the organisation may do to its buckets, keys, other resources and roles,
/// and which SCPs and RCPs do not hold.
/// </summary>
/// <remarks>
/// Pure: reads no clock and no files. "Outside" means an account that is not a member
/// (<see cref="OrganizationSnapshot.IsInOrganization"/>); a single account's snapshot has no organisation, so every other
/// account is outside it, and it holds no resource policies, which <see cref="AccountRisks.Notes"/> then says.
/// </remarks>
public static class OrganizationAnalyzer
{
    /// <summary>A note for an audit made from IAM alone.</summary>
    public const string ResourcePoliciesUnknown =
        "resource policies unknown: the snapshot holds IAM only, so no bucket, key or other resource policy, SCP or RCP is part of this audit";

    /// <summary>Audits <paramref name="snapshot"/>.</summary>
    public static AccountRisks Analyze(OrganizationSnapshot snapshot, RiskAnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(options);
        var state = new AccountState(snapshot.Contents.Where(static c => c.Iam is not null).Select(static c => c.Iam!));
        var principals = AccountAnalyzer.Analyze(state, options) with { Documents = PolicyDocuments.Of(state, snapshot) };
        // Outside accounts' principals are not ours to audit; an IAM export alone has no organisation, and all of it is audited, as with --account.
        var members = principals.Principals.Where(p => snapshot.Organization is null || snapshot.IsInOrganization(p.AccountId)).ToImmutableArray();
        if (options.Principal is not null)
        {
            // One principal asked about: its own findings only, as for an account.
            return principals with { Principals = members, Notes = Notes(snapshot) };
        }
        var audited = principals with { Principals = members };
        return audited with { Resources = AnalyzeResources(snapshot, audited, options.AsOf), Notes = Notes(snapshot) };
    }

    /// <summary>
    /// The resource side alone: exposure of the members' buckets, keys, other resources and roles to outside callers, and
    /// SCPs and RCPs that do not hold; <paramref name="principals"/> is the principals' audit, which says which roles are
    /// administrators (a role assumable from outside is worse then).
    /// </summary>
    public static ImmutableArray<ResourceRisks> AnalyzeResources(OrganizationSnapshot snapshot, AccountRisks principals, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(principals);
        var admins = principals.Principals.Where(static p => p.Has(FindingCategory.AdminEquivalent)).Select(static p => p.Arn).ToHashSet(StringComparer.Ordinal);
        return [.. new ExposureScan(snapshot, asOf, admins).Run().Concat(new GuardrailScan(snapshot, asOf).Run())];
    }

    /// <summary>Every resource policy of the members and every SCP and RCP, named as findings name them.</summary>
    private static IEnumerable<(string Name, PolicyText Text)> PolicyTexts(OrganizationSnapshot snapshot)
    {
        foreach (var resources in snapshot.Contents.Where(c => snapshot.IsInOrganization(c.AccountId)).Select(static c => c.Resources).OfType<AccountResources>())
        {
            foreach (var bucket in resources.Buckets.Where(static b => b.Policy is not null))
            {
                yield return ($"the bucket policy of `{bucket.Name}`", bucket.Policy!);
            }
            foreach (var key in resources.KmsKeys)
            {
                yield return ($"the key policy of `{key.KeyId}`", key.Policy);
            }
            foreach (var other in resources.Other)
            {
                yield return ($"the resource policy of `{other.Arn}`", other.Policy);
            }
        }
        foreach (var policy in snapshot.Policies)
        {
            yield return ($"the {(policy.Type == OrganizationPolicyType.ServiceControlPolicy ? "SCP" : "RCP")} `{policy.Name}`", policy.Content);
        }
    }

    private static ImmutableArray<string> Notes(OrganizationSnapshot snapshot)
    {
        if (!snapshot.ResourcePoliciesKnown)
        {
            return [ResourcePoliciesUnknown];
        }
        var notes = ImmutableArray.CreateBuilder<string>();
        notes.Add("account-level S3 Block Public Access settings are not in the snapshot: a bucket reported public may still be restricted by its account's settings");
        foreach (var account in snapshot.Accounts.Where(a => snapshot.ContentsOf(a.Id) is null or { Resources: null }))
        {
            notes.Add($"the resources of account {account.Id} are not in the snapshot: its resource policies are not audited");
        }
        foreach (var (name, text) in PolicyTexts(snapshot).Where(static p => !p.Text.Parses))
        {
            notes.Add($"{name} did not parse ({text.Problem}): its findings rest on the statements that could be read");
        }
        return notes.ToImmutable();
    }
}
