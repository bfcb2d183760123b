using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Records;
using Governance.Core.Policies;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Drift.Guardrails;

/// <summary>Compares the SCPs and RCPs kept as code (<c>policies/guardrails/</c>) with an organisation, by decision.</summary>
/// <remarks>
/// <para>
/// Pure: reads no clock and no files. Four kinds of finding, each naming the guardrail as <c>scp/NAME</c> or
/// <c>rcp/NAME</c>: <see cref="DriftKind.MissingGuardrail"/>, <see cref="DriftKind.UnmanagedGuardrail"/>,
/// <see cref="DriftKind.GuardrailPolicyDrift"/> (the content decides some request differently, by
/// <see cref="GuardrailDecisions"/>: reordered statements, whitespace or a renamed Sid are not drift) and
/// <see cref="DriftKind.GuardrailAttachmentDrift"/> (other targets).
/// </para>
/// <para>
/// Severity follows AWS's evaluation: at every level some SCP must allow, and any Deny denies. Losing a Deny (a
/// guardrail missing, detached or weakened) can only let more through, so it is High; losing an Allow can only let less
/// through, so it is Medium; gaining an Allow (an SCP attached where code does not attach it) can widen what a level
/// allows, so it is High; gaining a Deny is Medium. RCPs only deny.
/// </para>
/// <para>
/// AWS-managed policies (<c>FullAWSAccess</c>) exist in every organisation, so they are compared only where code names
/// them in <c>attachments.json</c>, and only by where they are attached.
/// </para>
/// </remarks>
public static class GuardrailDrift
{
    /// <summary>Every difference between <paramref name="desired"/> and <paramref name="organization"/>, ordered by guardrail and kind.</summary>
    /// <param name="desired">The guardrails kept as code.</param>
    /// <param name="organization">The organisation.</param>
    /// <param name="asOf">When requests are assumed to be made (conditions on time).</param>
    /// <returns>The findings; none for a single account's snapshot, which knows no organisation and so no SCPs or RCPs.</returns>
    public static ImmutableArray<DriftFinding> Compare(ImmutableArray<GuardrailDefinition> desired, OrganizationSnapshot organization, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.Organization is null)
        {
            return [];
        }
        var findings = new List<DriftFinding>();
        var actual = organization.Policies.Where(static p => !p.IsImplied)
            .DistinctBy(static p => (p.Type, p.Name))
            .ToDictionary(static p => (p.Type, p.Name));
        var names = new NodeNames(organization);
        foreach (var guardrail in desired.IsDefault ? [] : desired)
        {
            if (!actual.TryGetValue((guardrail.Type, guardrail.Name), out var policy))
            {
                var denies = guardrail.Document is { } text && Denies(NamedPolicy.Parse(guardrail.Key, text));
                findings.Add(new DriftFinding(DriftKind.MissingGuardrail, guardrail.Key, denies ? RiskSeverity.High : RiskSeverity.Medium,
                    $"{GuardrailKeys.Abbreviation(guardrail.Type)} `{guardrail.Name}` is in code but not in the organisation"
                    + (denies ? "; its denies stop nothing" : string.Empty)));
                continue;
            }
            if (guardrail.Document is { } document && Content(guardrail, document, policy, asOf) is { } content)
            {
                findings.Add(content);
            }
            if (guardrail.Targets is { } targets && Attachments(guardrail, targets, policy, organization, names) is { } attachments)
            {
                findings.Add(attachments);
            }
        }
        var managed = desired.IsDefault ? [] : desired.Select(static g => (g.Type, g.Name)).ToHashSet();
        foreach (var policy in actual.Values.Where(p => !p.AwsManaged && !managed.Contains((p.Type, p.Name))))
        {
            findings.Add(Unmanaged(policy, names));
        }
        findings.AddRange(NotEnabled(desired, organization));
        return [.. findings.OrderBy(static f => f.Principal, StringComparer.Ordinal).ThenBy(static f => f.Kind)];
    }

    private static DriftFinding? Content(GuardrailDefinition guardrail, string document, OrganizationPolicy policy, DateTimeOffset asOf)
    {
        var what = $"{GuardrailKeys.Abbreviation(guardrail.Type)} `{guardrail.Name}`";
        if (!policy.Content.Parses)
        {
            return new DriftFinding(DriftKind.GuardrailPolicyDrift, guardrail.Key, RiskSeverity.Medium,
                $"{what} in the organisation is not a policy document code's could be compared with: {policy.Content.Problem}");
        }
        if (SameJson.Documents(document, policy.Content.Text))
        {
            return null; // the same document decides alike; skip the engine
        }
        var (probes, changes) = GuardrailDecisions.Compare(guardrail.Type,
            NamedPolicy.Parse($"{guardrail.Key} in code", document), NamedPolicy.Parse($"{guardrail.Key} in the organisation", policy.Content.Text), asOf);
        return changes.IsEmpty
            ? null
            : new DriftFinding(DriftKind.GuardrailPolicyDrift, guardrail.Key, changes.Any(static c => c.Weakens) ? RiskSeverity.High : RiskSeverity.Medium,
                $"{what} decides differently from code: {GuardrailChangeSentences.Describe(probes, changes)}");
    }

    private static DriftFinding? Attachments(GuardrailDefinition guardrail, ImmutableArray<GuardrailTarget> targets, OrganizationPolicy policy,
        OrganizationSnapshot organization, NodeNames names)
    {
        var resolved = targets.Select(t => (Target: t, Node: t.Resolve(organization))).ToList();
        var intended = resolved.Where(static r => r.Node is not null).Select(static r => r.Node!.Id).ToHashSet(StringComparer.Ordinal);
        var present = policy.Targets.Select(static t => t.TargetId).ToHashSet(StringComparer.Ordinal);
        var detached = intended.Where(id => !present.Contains(id)).Order(StringComparer.Ordinal).Select(names.Of)
            .Concat(resolved.Where(static r => r.Node is null).Select(static r => $"`{r.Target}` (not in the organisation)"))
            .ToList();
        var extra = present.Where(id => !intended.Contains(id)).Order(StringComparer.Ordinal).Select(names.Of).ToList();
        if (detached.Count == 0 && extra.Count == 0)
        {
            return null;
        }
        // What a detachment loses is code's document; what an extra attachment adds is the organisation's.
        var codeDocument = NamedPolicy.Parse(guardrail.Key, guardrail.Document ?? policy.Content.Text);
        var orgDocument = NamedPolicy.Parse(guardrail.Key, policy.Content.Text);
        var high = (detached.Count > 0 && Denies(codeDocument)) || (extra.Count > 0 && Allows(guardrail.Type, orgDocument));
        var parts = new List<string>();
        if (detached.Count > 0)
        {
            parts.Add($"detached from {string.Join(", ", detached)}" + (Denies(codeDocument) ? ", where its denies no longer apply" : string.Empty));
        }
        if (extra.Count > 0)
        {
            parts.Add($"attached to {string.Join(", ", extra)}, which code does not"
                + (Allows(guardrail.Type, orgDocument) ? "; its allows may widen what they allow" : string.Empty));
        }
        return new DriftFinding(DriftKind.GuardrailAttachmentDrift, guardrail.Key, high ? RiskSeverity.High : RiskSeverity.Medium,
            $"{GuardrailKeys.Abbreviation(guardrail.Type)} `{guardrail.Name}` is attached differently from code: {string.Join("; ", parts)}");
    }

    private static DriftFinding Unmanaged(OrganizationPolicy policy, NodeNames names)
    {
        var key = GuardrailKeys.Of(policy.Type, policy.Name);
        var what = $"{GuardrailKeys.Abbreviation(policy.Type)} `{policy.Name}` is in the organisation but not in guardrails/{GuardrailKeys.Folder(policy.Type)}/";
        if (policy.Targets.IsDefaultOrEmpty)
        {
            return new DriftFinding(DriftKind.UnmanagedGuardrail, key, RiskSeverity.Low, what + "; it is attached nowhere");
        }
        var document = NamedPolicy.Parse(key, policy.Content.Text);
        var targets = string.Join(", ", policy.Targets.Select(static t => t.TargetId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(names.Of));
        return Allows(policy.Type, document)
            ? new DriftFinding(DriftKind.UnmanagedGuardrail, key, RiskSeverity.High, $"{what}; attached to {targets}, its allows may widen what they allow")
            : new DriftFinding(DriftKind.UnmanagedGuardrail, key, RiskSeverity.Medium, $"{what}; attached to {targets}");
    }

    /// <summary>Guardrails of a type the root has not enabled restrict nothing, whatever their documents say.</summary>
    private static IEnumerable<DriftFinding> NotEnabled(ImmutableArray<GuardrailDefinition> desired, OrganizationSnapshot organization)
    {
        if (organization.Organization is null || desired.IsDefault)
        {
            yield break;
        }
        foreach (var (type, enabled) in new[]
        {
            (OrganizationPolicyType.ServiceControlPolicy, organization.ServiceControlPoliciesEnabled),
            (OrganizationPolicyType.ResourceControlPolicy, organization.ResourceControlPoliciesEnabled),
        })
        {
            var count = desired.Count(g => g.Type == type);
            if (!enabled && count > 0)
            {
                yield return new DriftFinding(DriftKind.MissingGuardrail, GuardrailKeys.Folder(type) + "/", RiskSeverity.High,
                    $"{GuardrailKeys.Abbreviation(type)}s are not enabled in the organisation's root, so none of the {count} in code restricts anything");
            }
        }
    }

    private static bool Denies(NamedPolicy policy) => policy.Document?.Statements.Any(static s => s.Effect == Effect.Deny) ?? false;

    /// <summary>An RCP's Allow is inert (AWS implies <c>RCPFullAWSAccess</c>), so only an SCP's can widen.</summary>
    private static bool Allows(OrganizationPolicyType type, NamedPolicy policy)
        => type == OrganizationPolicyType.ServiceControlPolicy && (policy.Document?.Statements.Any(static s => s.Effect == Effect.Allow) ?? false);
}
