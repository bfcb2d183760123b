using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Governance.Core.Accounts.Organization;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Drift.Guardrails;

/// <summary>Compares two versions of one SCP or RCP by the requests they decide differently, never by their text.</summary>
/// <remarks>
/// <para>
/// A probe principal whose identity policy allows everything makes every request, under each
/// <see cref="GuardrailProbes"/> context; only the guardrail can then stop it. The requests are those
/// <see cref="AccessDeltaCalculator"/> compares: every catalogue action, on <c>*</c> and every resource pattern the
/// guardrail's statements name (Resource and NotResource alike).
/// </para>
/// <para>
/// An SCP is read twice, as AWS combines it with the other SCPs of its level
/// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html): beside
/// <c>FullAWSAccess</c>, where only its denies can stop a request, and alone, where only what it allows gets through.
/// A deny-only SCP alone allows nothing in either version, so its allow reading changes only if an Allow is added. An
/// RCP only restricts (<c>RCPFullAWSAccess</c> is implied), so it is read once.
/// </para>
/// </remarks>
internal static class GuardrailDecisions
{
    /// <summary>The principal that makes the requests: an ordinary role of an account of the organisation.</summary>
    private const string ProbePrincipal = "arn:aws:iam::999999999999:role/iamgov-guardrail-probe";

    private static readonly NamedPolicy AllowEverythingEverywhere = NamedPolicy.Parse("probe allows everything",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    private static readonly NamedPolicy FullAwsAccess = NamedPolicy.Parse("FullAWSAccess",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    /// <summary>The probes <paramref name="code"/> and <paramref name="actual"/> were compared under, and every request they decide differently.</summary>
    public static (ImmutableArray<GuardrailProbe> Probes, ImmutableArray<GuardrailDecisionChange> Changes) Compare(
        OrganizationPolicyType type, NamedPolicy code, NamedPolicy actual, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(actual);
        var probes = GuardrailProbes.For(code, actual);
        var allowEverything = AllowEverything(code, actual);
        var changes = ImmutableArray.CreateBuilder<GuardrailDecisionChange>();
        for (var i = 0; i < probes.Length; i++)
        {
            var assumptions = new AnalysisAssumptions(asOf, probes[i].Context);
            if (type == OrganizationPolicyType.ResourceControlPolicy)
            {
                changes.AddRange(Changes(Rcp(allowEverything, code), Rcp(allowEverything, actual), assumptions, i, Restricting));
                continue;
            }
            var denies = Changes(BesideFullAccess(allowEverything, code), BesideFullAccess(allowEverything, actual), assumptions, i, Restricting);
            var seen = denies.Select(static c => (c.Action, c.Resource)).ToHashSet();
            changes.AddRange(denies);
            // A deny both readings see is reported once, as a deny.
            changes.AddRange(Changes(Alone(allowEverything, code), Alone(allowEverything, actual), assumptions, i, Allowing)
                .Where(c => !seen.Contains((c.Action, c.Resource))));
        }
        return (probes, changes.ToImmutable());
    }

    private static List<GuardrailDecisionChange> Changes(PolicySet code, PolicySet actual, AnalysisAssumptions assumptions, int probe, Func<AccessChangeKind, string> change)
        => [.. AccessDeltaCalculator.Compare(code, actual, ProbePrincipal, assumptions).Changes
            .Select(c => new GuardrailDecisionChange(Weakens(c.Kind), c.Kind is AccessChangeKind.Added or AccessChangeKind.Removed, change(c.Kind), c.Action, c.Resource, probe))];

    /// <summary>Code's version decided first: the organisation's lets more through when a request was added or lost its condition.</summary>
    private static bool Weakens(AccessChangeKind kind) => kind is AccessChangeKind.Added or AccessChangeKind.BecameUnconditional;

    private static string Restricting(AccessChangeKind kind) => kind switch
    {
        AccessChangeKind.Added => "no longer denied",
        AccessChangeKind.Removed => "now denied",
        AccessChangeKind.BecameConditional => "now denied for some requests",
        _ => "no longer denied for some requests",
    };

    private static string Allowing(AccessChangeKind kind) => kind switch
    {
        AccessChangeKind.Added => "now allowed",
        AccessChangeKind.Removed => "no longer allowed",
        AccessChangeKind.BecameConditional => "now allowed only for some requests",
        _ => "now allowed for every request",
    };

    /// <summary>
    /// The probe's identity policy: every action on <c>*</c> and on every pattern either version's NotResource names.
    /// The requests compared are made on the patterns the statements covering an action name; a NotResource pattern is
    /// one the guardrail exempts, which the comparison would not otherwise ask about (an exemption widened from
    /// <c>lake-raw</c> to <c>lake-*</c> shows on <c>lake-*</c>). Adding it for every action costs little: resource types
    /// leave it out of the actions it cannot name.
    /// </summary>
    private static NamedPolicy AllowEverything(NamedPolicy code, NamedPolicy actual)
    {
        var patterns = new[] { code, actual }.SelectMany(static p => p.Document?.Statements ?? [])
            .Where(static s => s.Resource is { IsNot: true })
            .SelectMany(static s => s.Resource!.Values.Select(static v => v.Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (patterns.Count == 0)
        {
            return AllowEverythingEverywhere; // one instance, so the catalogue expansion of its `*` is shared
        }
        var document = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Action"] = "*",
                ["Resource"] = new JsonArray([.. patterns.Prepend("*").Select(static p => (JsonNode)p)]),
            }),
        };
        return NamedPolicy.Parse("probe allows everything", document.ToJsonString());
    }

    private static PolicySet BesideFullAccess(NamedPolicy identity, NamedPolicy scp) => new() { IdentityPolicies = [identity], ServiceControlPolicies = [[FullAwsAccess, scp]] };

    private static PolicySet Alone(NamedPolicy identity, NamedPolicy scp) => new() { IdentityPolicies = [identity], ServiceControlPolicies = [[scp]] };

    private static PolicySet Rcp(NamedPolicy identity, NamedPolicy rcp) => new() { IdentityPolicies = [identity], ResourceControlPolicies = [[rcp]] };
}
