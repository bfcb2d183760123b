using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using PolicyEngine.Analysis;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Risk;

/// <summary>
/// Finds SCPs and RCPs that do not hold: an allow-list another SCP at the same level neutralises, a condition on an
/// organisation id that is not this organisation's, a policy attached nowhere (or only where it cannot apply).
/// </summary>
/// <remarks>
/// SCP evaluation (orgs_manage_policies_scps_evaluation.html): at every level from the root down to the account some
/// SCP must allow a request, and a Deny at any level denies it. Within one level the policies' allows add up, so an
/// allow-list beside <c>FullAWSAccess</c> restricts nothing at that level. Each verdict is the engine's, on one
/// representative action of every service in the catalogue.
/// </remarks>
internal sealed class GuardrailScan
{
    private const string ProbeRole = "iamgov-guardrail-probe";
    private const string OutsideAccount = "000000000000";
    private const string OtherOrganization = "o-iamgovoutside0";
    private const int ActionsInTitle = 4;

    private static readonly string AllowAllText = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    private static readonly string[] OrganizationKeys = ["aws:PrincipalOrgID", "aws:ResourceOrgID", "aws:SourceOrgID"];
    private static readonly string[] OrganizationPathKeys = ["aws:PrincipalOrgPaths", "aws:ResourceOrgPaths", "aws:SourceOrgPaths"];

    private static readonly Lazy<string[]> ProbeActions = new(static () =>
        [.. ActionCatalog.Default.Services.Where(static s => !s.Actions.IsEmpty).Select(static s => s.Actions[0].FullName)]);

    private readonly OrganizationSnapshot _snapshot;
    private readonly AnalysisAssumptions _assumptions;
    private readonly PolicyLibrary _library = new();
    private readonly NamedPolicy _allowAll;

    public GuardrailScan(OrganizationSnapshot snapshot, DateTimeOffset asOf)
    {
        _snapshot = snapshot;
        _assumptions = new AnalysisAssumptions(asOf);
        _allowAll = _library.Get("every permission (stand-in for the caller's own policies)", AllowAllText);
    }

    public IEnumerable<ResourceRisks> Run()
    {
        if (_snapshot.Organization is not { } organization)
        {
            return [];
        }
        var found = new Dictionary<OrganizationPolicy, List<Finding>>();
        foreach (var policy in _snapshot.Policies.Where(static p => !p.IsImplied))
        {
            Add(found, policy, Unapplied(policy, organization));
            Add(found, policy, ForeignOrganization(policy, organization));
        }
        foreach (var (policy, finding) in Neutralised())
        {
            Add(found, policy, [finding]);
        }
        return found.Select(pair => new ResourceRisks(pair.Key.Arn, pair.Key.Name,
            pair.Key.Type == OrganizationPolicyType.ServiceControlPolicy ? ResourceKind.ServiceControlPolicy : ResourceKind.ResourceControlPolicy,
            organization.ManagementAccountId,
            [.. pair.Value.OrderByDescending(static f => f.Severity).ThenBy(static f => f.Title, StringComparer.Ordinal)]));
    }

    private static void Add(Dictionary<OrganizationPolicy, List<Finding>> found, OrganizationPolicy policy, IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (!found.TryGetValue(policy, out var list))
            {
                found[policy] = list = [];
            }
            list.Add(finding);
        }
    }

    /// <summary>A policy that applies nowhere: its type is not enabled, it has no target, or its only target is the management account.</summary>
    private IEnumerable<Finding> Unapplied(OrganizationPolicy policy, OrganizationInfo organization)
    {
        if (policy.AwsManaged)
        {
            yield break;
        }
        var scp = policy.Type == OrganizationPolicyType.ServiceControlPolicy;
        var kind = scp ? "SCPs" : "RCPs";
        var enabled = scp ? _snapshot.ServiceControlPoliciesEnabled : _snapshot.ResourceControlPoliciesEnabled;
        string? why = null;
        if (!enabled)
        {
            why = $"{kind} are not enabled in the root, so `{policy.Name}` restricts nothing";
        }
        else if (policy.Targets.IsEmpty)
        {
            why = $"`{policy.Name}` is attached to no root, OU or account, so it restricts nothing";
        }
        else if (policy.Targets.All(t => string.Equals(t.TargetId, organization.ManagementAccountId, StringComparison.Ordinal)))
        {
            why = $"`{policy.Name}` is attached only to the management account, which {kind} do not affect";
        }
        if (why is not null)
        {
            yield return new Finding(FindingCategory.IneffectiveGuardrail, RiskSeverity.Low, why, null, [], [policy.Arn], [], []);
        }
    }

    /// <summary>Every allow-list SCP whose level also holds an SCP that allows whatever the allow-list leaves out.</summary>
    private IEnumerable<(OrganizationPolicy Policy, Finding Finding)> Neutralised()
    {
        if (!_snapshot.ServiceControlPoliciesEnabled)
        {
            yield break;
        }
        var scps = _snapshot.Policies.Where(static p => p.Type == OrganizationPolicyType.ServiceControlPolicy).ToList();
        foreach (var target in scps.SelectMany(static p => p.Targets.Select(static t => t.TargetId)).Distinct(StringComparer.Ordinal))
        {
            var level = scps.Where(p => p.Targets.Any(t => string.Equals(t.TargetId, target, StringComparison.Ordinal))).ToList();
            if (level.Count < 2 || ProbeAccountBelow(target) is not { } account)
            {
                continue;
            }
            var node = _snapshot.PathTo(account).First(n => string.Equals(n.Id, target, StringComparison.Ordinal));
            foreach (var policy in level.Where(HasAllow))
            {
                var blocked = NotAllowedBy([policy], account);
                if (blocked.Count == 0)
                {
                    continue;
                }
                if (NotAllowedBy(level, account, blocked).Count > 0)
                {
                    continue;
                }
                var others = level.Where(o => !ReferenceEquals(o, policy) && HasAllow(o) && NotAllowedBy([o], account, blocked).Count < blocked.Count).ToList();
                var named = string.Join(", ", others.Select(static o => $"`{o.Name}`"));
                var examples = string.Join(", ", blocked.Take(ActionsInTitle));
                var title = $"The allow-list `{policy.Name}` attached to {Describe(node)} blocks nothing there: {named}, attached to the same " +
                    $"{Kind(node)}, allows every action it leaves out (such as {examples})";
                var evidence = Statements(policy, static s => s.Effect == Effect.Allow)
                    .Concat(others.SelectMany(o => Statements(o, static s => s.Effect == Effect.Allow)));
                yield return (policy, new Finding(FindingCategory.IneffectiveGuardrail, RiskSeverity.Medium, title, null,
                    [.. blocked.Take(25)], [policy.Arn, .. others.Select(static o => o.Arn)], [.. evidence], []));
            }
        }
    }

    /// <summary>An allow-list has Allow statements; a policy of Denies only is a deny-list, meant to stand beside an allow-all.</summary>
    private bool HasAllow(OrganizationPolicy policy)
        => policy.Content.Parses && (_library.Get(policy.Name, policy.Content.Text).Document?.Statements.Any(static s => s.Effect == Effect.Allow) ?? false);

    /// <summary>The probe actions an SCP level holding only <paramref name="level"/> does not allow (a Deny elsewhere is not counted).</summary>
    private List<string> NotAllowedBy(IReadOnlyList<OrganizationPolicy> level, string account, IEnumerable<string>? actions = null)
    {
        var set = new PolicySet
        {
            IdentityPolicies = [_allowAll],
            ServiceControlPolicies = [[.. level.Select(p => _library.Get($"SCP `{p.Name}`", p.Content.Text))]],
        };
        var compiled = PolicyCompiler.Compile(set);
        var caller = $"arn:aws:iam::{account}:role/{ProbeRole}";
        var context = _assumptions.ToContext();
        var result = new List<string>();
        foreach (var action in actions ?? ProbeActions.Value)
        {
            var request = AuthorizationRequest.Create(caller, action, ProbeArns.Representative(action, account), account, context);
            if (compiled.Decide(request) != Decision.Allow
                && compiled.Evaluate(request).Explanation.Reason == DecisionReason.ServiceControlPolicyDoesNotAllow)
            {
                result.Add(action);
            }
        }
        return result;
    }

    /// <summary>Each condition of the policy that names an organisation other than this one, with what it does to a probe request.</summary>
    private IEnumerable<Finding> ForeignOrganization(OrganizationPolicy policy, OrganizationInfo organization)
    {
        var named = _library.Get(policy.Name, policy.Content.Text);
        foreach (var statement in named.Document?.Statements ?? [])
        {
            foreach (var clause in statement.Conditions)
            {
                var isId = OrganizationKeys.Contains(clause.Key, StringComparer.OrdinalIgnoreCase);
                var isPath = OrganizationPathKeys.Contains(clause.Key, StringComparer.OrdinalIgnoreCase);
                if (!isId && !isPath)
                {
                    continue;
                }
                var foreign = clause.Values.Select(static v => v.Value)
                    .Select(v => isPath ? v.Split('/')[0] : v)
                    .Where(v => v.Length > 0 && v.AsSpan().IndexOfAny('*', '?') < 0 && !string.Equals(v, organization.Id, StringComparison.Ordinal))
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
                foreach (var other in foreign)
                {
                    yield return ForeignFinding(policy, statement, clause, other, organization);
                }
            }
        }
    }

    private Finding ForeignFinding(OrganizationPolicy policy, Statement statement, ConditionClause clause, string other, OrganizationInfo organization)
    {
        var action = statement.Action.IsNot ? "s3:GetObject" : ActionCatalog.Default.Expand(statement.Action.Values[0].Value).FirstOrDefault()?.FullName ?? "s3:GetObject";
        var account = _snapshot.Accounts.Select(static a => a.Id).FirstOrDefault(id => !_snapshot.IsManagementAccount(id)) ?? organization.ManagementAccountId;
        var asWritten = Outcome(policy, policy.Content.Text, statement, action, account, organization);
        var corrected = Outcome(policy, policy.Content.Text.Replace(other, organization.Id, StringComparison.Ordinal), statement, action, account, organization);
        // Probing the same policy with this organisation's id tells what it was most likely meant to do.
        var severity = corrected.OutsideDenied && !asWritten.OutsideDenied ? RiskSeverity.High
            : asWritten.InsideDenied && !corrected.InsideDenied ? RiskSeverity.Medium
            : RiskSeverity.Low;
        var outside = policy.Type == OrganizationPolicyType.ServiceControlPolicy ? "to a resource outside the organisation" : "from a principal outside the organisation";
        var title = $"`{policy.Name}` compares {clause.Key} with `{other}`, which is not this organisation (`{organization.Id}`): " +
            $"as written it {Does(asWritten.InsideDenied, $"`{action}`")} inside the organisation and {Does(asWritten.OutsideDenied, "it")} {outside}; " +
            $"naming `{organization.Id}` instead, it would {Would(corrected.InsideDenied)} inside and {Would(corrected.OutsideDenied)} {outside}";
        return new Finding(FindingCategory.IneffectiveGuardrail, severity, title, null, [action], [policy.Arn],
            [.. Statements(policy, s => s.Index == statement.Index)], [clause.Key]);
    }

    private static string Does(bool denied, string what) => denied ? $"denies {what}" : $"lets {what} through";

    private static string Would(bool denied) => denied ? "deny it" : "let it through";

    /// <summary>Whether the policy, alone at its level, denies a request from inside to inside and one across the organisation's edge.</summary>
    private (bool InsideDenied, bool OutsideDenied) Outcome(OrganizationPolicy policy, string text, Statement statement, string action, string account,
        OrganizationInfo organization)
    {
        var guardrail = NamedPolicy.Parse($"{policy.Name}", text);
        var scp = policy.Type == OrganizationPolicyType.ServiceControlPolicy;
        // Alone at its level: for a Deny, beside an allow-all (as FullAWSAccess stands beside deny-lists); for an Allow, alone.
        ImmutableArray<NamedPolicy> level = statement.Effect == Effect.Deny || !scp ? [guardrail, _allowAll] : [guardrail];
        var set = new PolicySet
        {
            IdentityPolicies = [_allowAll],
            ServiceControlPolicies = scp ? [level] : [],
            ResourceControlPolicies = scp ? [] : [level],
        };
        var compiled = PolicyCompiler.Compile(set);
        var member = $"arn:aws:iam::{account}:role/{ProbeRole}";
        var stranger = $"arn:aws:iam::{OutsideAccount}:role/{ProbeRole}";
        var inside = Decide(compiled, member, action, account, organization.Id, organization.Id);
        var outside = scp
            ? Decide(compiled, member, action, OutsideAccount, organization.Id, OtherOrganization)
            : Decide(compiled, stranger, action, account, OtherOrganization, organization.Id);
        return (inside == Decision.ExplicitDeny || inside == Decision.ImplicitDeny, outside == Decision.ExplicitDeny || outside == Decision.ImplicitDeny);
    }

    private Decision Decide(CompiledPolicySet compiled, string caller, string action, string resourceAccount, string principalOrg, string resourceOrg)
    {
        var context = RequestContext.Create(new Dictionary<string, string>
        {
            ["aws:PrincipalOrgID"] = principalOrg,
            ["aws:ResourceOrgID"] = resourceOrg,
            ["aws:SourceOrgID"] = principalOrg,
            ["aws:PrincipalIsAWSService"] = "false",
            ["aws:SecureTransport"] = "true",
        }).WithMissing(_assumptions.ToContext().Entries);
        return compiled.Decide(AuthorizationRequest.Create(caller, action, ProbeArns.Representative(action, resourceAccount), resourceAccount, context));
    }

    /// <summary>A member account at or below <paramref name="target"/> that SCPs restrict, to make probe requests from.</summary>
    private string? ProbeAccountBelow(string target)
        => _snapshot.Accounts.Select(static a => a.Id)
            .FirstOrDefault(id => !_snapshot.ServiceControlPolicyLevels(id).IsEmpty
                && _snapshot.PathTo(id).Any(n => string.Equals(n.Id, target, StringComparison.Ordinal)));

    private IEnumerable<FindingEvidence> Statements(OrganizationPolicy policy, Func<Statement, bool> which)
    {
        var type = policy.Type == OrganizationPolicyType.ServiceControlPolicy ? PolicyType.ServiceControl : PolicyType.ResourceControl;
        return (_library.Get(policy.Name, policy.Content.Text).Document?.Statements ?? [])
            .Where(which)
            .Select(s => new FindingEvidence(policy.Arn, policy.Name, s.DisplayName, s.Location.Line, type));
    }

    private static string Describe(OrganizationNode node) => node.Kind switch
    {
        PolicyTargetType.Root => $"root `{node.Name}`",
        PolicyTargetType.OrganizationalUnit => $"OU `{node.Name}`",
        _ => $"account {node.Id}",
    };

    private static string Kind(OrganizationNode node) => node.Kind switch
    {
        PolicyTargetType.Root => "root",
        PolicyTargetType.OrganizationalUnit => "OU",
        _ => "account",
    };
}
