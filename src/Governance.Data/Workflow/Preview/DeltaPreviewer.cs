using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Governance.Core.Accounts;
using Governance.Core.OrganizationCopy;
using Governance.Core.Risk;
using PolicyEngine.Analysis;

namespace Governance.Core.Workflow.Preview;

/// <summary>
/// The real preview: the target role's access compared, decision by decision, before and after the grant's policy is
/// attached (<see cref="AccessDeltaCalculator"/>), and the risk findings of the account analysis that the grant would add.
/// </summary>
/// <remarks>
/// The grant is previewed without its expiry condition, as the access it gives while active, against the role's
/// standing access (<see cref="StandingAccess"/>: without its other grants). A grant the role's own policies already
/// cover adds nothing. Findings are those of <see cref="AccountAnalyzer"/> for the target role with the
/// grant that it does not have without it (a finding whose severity rises counts as new). Pure apart from the clock
/// and the store's current state; thread-safe.
/// </remarks>
public sealed class DeltaPreviewer(OrganizationStore store, TimeProvider time) : IAccessPreviewer
{
    /// <summary>
    /// The target role's findings without the grant, per account state and role: every submission for the same role
    /// between two state changes shares them. Keyed weakly, so a replaced state's entries go with it.
    /// </summary>
    private readonly ConditionalWeakTable<AccountState, ConcurrentDictionary<(string Role, DateTimeOffset AsOf), FrozenSet<FindingKey>>> _before = new();

    /// <summary>Each role's standing access (<see cref="StandingAccess"/>) per copy, keyed weakly like <see cref="_before"/>.</summary>
    private readonly ConditionalWeakTable<AccountState, ConcurrentDictionary<string, StandingAccess>> _standing = new();

    private const int MaxCachedAnalyses = 64;

    /// <summary>The name the previewed policy carries in explanations.</summary>
    public const string PreviewPolicyName = "grant-preview";

    /// <inheritdoc />
    public async ValueTask<AccessPreview> PreviewAsync(AccessPreviewInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var organization = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        // One standing picture per copy and role: a queue of requests on one role shares its compiled policies.
        var standing = _standing.GetOrCreateValue(organization.Accounts).GetOrAdd(input.TargetRole.Arn, _ => StandingAccess.Of(organization, input.TargetRole));
        var state = standing.State;
        var role = standing.Role;
        // The whole preview is computed as of the minute, so the cached findings without the grant and the fresh ones
        // with it are decided at the same time, and a burst of submissions shares one analysis without the grant.
        var now = time.GetUtcNow();
        var asOf = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        // Keyed by the copy's own state: the standing state is a function of it and the role.
        var perState = _before.GetOrCreateValue(organization.Accounts);
        if (perState.Count > MaxCachedAnalyses)
        {
            perState.Clear(); // a state that lives for days keeps only recent minutes
        }
        var before = perState.GetOrAdd((role.Arn, asOf), key => FindingsOf(state, key.Role, key.AsOf));
        var preview = Preview(state, role, input.PolicyDocument, asOf, before);
        var effective = WholePictureEffects.Compute(standing.Authorizer, role, input.PolicyDocument, preview.Actions, asOf);
        // With nothing added to the role's own policies, what the grant alone would allow is decided instead, so that
        // the answer can say where the role has it from, or which boundary stops it.
        var nothingAdded = NothingAdded.Reason(preview.Actions.IsEmpty
            ? WholePictureEffects.Compute(standing.Authorizer, role, input.PolicyDocument, GrantedAlone(state, role, input.PolicyDocument, asOf), asOf)
            : effective);
        return preview with
        {
            Effective = effective,
            Picture = WholePictureEffects.Describe(organization.Snapshot, organization.Version),
            NothingAdded = nothingAdded,
            GainedBy = AccessGainers.Compute(standing.Authorizer, role, preview.Actions, asOf),
        };
    }

    /// <summary>What <paramref name="policyDocument"/> would allow <paramref name="role"/> on its own: no other policy, no boundary.</summary>
    private static ImmutableArray<PreviewAction> GrantedAlone(AccountState state, ResolvedPrincipal role, string policyDocument, DateTimeOffset asOf)
    {
        var bare = role with { IdentityPolicies = [], PermissionsBoundary = null };
        var alone = bare with { IdentityPolicies = [new PrincipalPolicy(PreviewPolicyName, PolicySource.Inline, policyDocument)] };
        var authorizer = new Accounts.Questions.AccountAuthorizer(state);
        return Added(AccessDeltaCalculator.Compare(authorizer.PolicySet(bare), authorizer.PolicySet(alone), role.Arn, new AnalysisAssumptions(asOf)));
    }

    /// <summary>The preview of attaching <paramref name="policyDocument"/> to <paramref name="role"/> in <paramref name="state"/>, as of <paramref name="asOf"/>.</summary>
    public static AccessPreview Preview(AccountState state, ResolvedPrincipal role, string policyDocument, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(role);
        return Preview(state, role, policyDocument, asOf, FindingsOf(state, role.Arn, asOf));
    }

    private static AccessPreview Preview(AccountState state, ResolvedPrincipal role, string policyDocument, DateTimeOffset asOf, FrozenSet<FindingKey> before)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(policyDocument);
        var withGrant = role with { IdentityPolicies = role.IdentityPolicies.Add(new PrincipalPolicy(PreviewPolicyName, PolicySource.Inline, policyDocument)) };
        var authorizer = new Accounts.Questions.AccountAuthorizer(state);
        var delta = AccessDeltaCalculator.Compare(authorizer.PolicySet(role), authorizer.PolicySet(withGrant), role.Arn, new AnalysisAssumptions(asOf));
        return new AccessPreview(AccessPreview.Delta, Added(delta), NewFindings(state, role, policyDocument, asOf, before));
    }

    /// <summary>Added and newly unconditional access, one entry per action with the resource patterns it gains.</summary>
    private static ImmutableArray<PreviewAction> Added(AccessDelta delta)
        => [.. delta.Changes
            .Where(static c => c.Kind is AccessChangeKind.Added or AccessChangeKind.BecameUnconditional)
            .GroupBy(static c => (c.Action, c.AccessLevel))
            .OrderBy(static g => g.Key.Action, StringComparer.Ordinal)
            .Select(static g =>
            {
                var keys = g.SelectMany(static c => c.After.ConditionKeys).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToImmutableArray();
                return new PreviewAction(g.Key.Action, g.Key.AccessLevel,
                    [.. g.Select(static c => c.Resource).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    keys.IsEmpty ? null : keys);
            })];

    private static FrozenSet<FindingKey> FindingsOf(AccountState state, string roleArn, DateTimeOffset asOf)
        => AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(asOf, roleArn)).Findings.Select(FindingKey.Of).ToFrozenSet();

    private static ImmutableArray<RiskFinding> NewFindings(AccountState state, ResolvedPrincipal role, string policyDocument, DateTimeOffset asOf,
        FrozenSet<FindingKey> before)
        => [.. AccountAnalyzer.Analyze(WithInlinePolicy(state, role.Arn, policyDocument), new RiskAnalysisOptions(asOf, role.Arn)).Findings
            .Where(f => !before.Contains(FindingKey.Of(f)))
            .Select(static f => new RiskFinding(f.Category.ToString(), f.Severity, f.Title, f.Actions))];

    /// <summary>The same state with <paramref name="policyDocument"/> as one more inline policy of the role <paramref name="roleArn"/>.</summary>
    private static AccountState WithInlinePolicy(AccountState state, string roleArn, string policyDocument)
        => new(state.Snapshots.Select(s => s with
        {
            Roles = [.. s.Roles.Select(r => string.Equals(r.Arn, roleArn, StringComparison.Ordinal)
                ? r with { InlinePolicies = r.InlinePolicies.Add(new InlinePolicy(PreviewPolicyName, policyDocument)) }
                : r)],
        }));

    /// <summary>What makes two findings the same: a finding whose severity rises counts as new.</summary>
    private readonly record struct FindingKey(FindingCategory Category, RiskSeverity Severity, string Title, string? PathId)
    {
        public static FindingKey Of(Finding f) => new(f.Category, f.Severity, f.Title, f.PathId);
    }
}
