using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Tests.Properties;

/// <summary>
/// A deliberately naive authorizer, written straight from AWS's evaluation flowchart
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html and
/// reference_policies_evaluation-logic-cross-account.html): no index, no short cuts, whole-string glob matching.
/// NotPrincipal and policy variables are left out: the generators do not produce them. A VPC endpoint policy
/// (vpc-endpoints-access.html) must allow too; an account it names means that account's root user only.
/// </summary>
internal static class ReferenceAuthorizer
{
    private enum Named { No, Direct, Role, Account }

    public static Decision Decide(PolicySet set, AuthorizationRequest r)
    {
        if (r.Action.Equals("sts:GetCallerIdentity", StringComparison.OrdinalIgnoreCase)) return Decision.Allow;
        var account = r.Principal.Split(':')[4];
        var linked = r.Principal.Contains(":role/aws-service-role/", StringComparison.Ordinal);
        string[] rcpServices = ["s3", "sts", "kms", "sqs", "secretsmanager", "ecr", "aoss", "cognito-idp", "logs", "dynamodb"];
        var rcp = !linked && rcpServices.Contains(r.Action.Split(':')[0], StringComparer.OrdinalIgnoreCase);
        var scps = linked ? [] : set.ServiceControlPolicies.Select(l => l.ToArray()).ToArray();
        var rcps = rcp ? set.ResourceControlPolicies.SelectMany(l => l).ToArray() : [];
        NamedPolicy[] caps = [.. new[] { set.PermissionsBoundary, set.SessionPolicy }.OfType<NamedPolicy>()];
        NamedPolicy[] resource = set.ResourcePolicy is { } rp ? [rp] : [];
        NamedPolicy[] endpoint = set.VpcEndpointPolicy is { } vp ? [vp] : [];

        // 1. Any explicit Deny in any applicable policy.
        var all = set.IdentityPolicies.Concat(caps).Concat(scps.SelectMany(l => l)).Concat(rcps).Concat(resource).Concat(endpoint);
        if (all.Any(p => Statements(p, Effect.Deny).Any(s => Applies(p, s, r, account) != Named.No))) return Decision.ExplicitDeny;
        // 2. Every SCP level must allow (RCPs allow through the implicit RCPFullAWSAccess).
        if (scps.Any(level => !level.Any(p => Allows(p, r, account)))) return Decision.ImplicitDeny;
        // The endpoint policy, when the request goes through one, must allow as well.
        if (endpoint.Any(p => !Allows(p, r, account))) return Decision.ImplicitDeny;
        // 3. The resource policy: how it names the caller.
        var named = resource.SelectMany(p => Statements(p, Effect.Allow).Select(s => Applies(p, s, r, account))).ToList();
        var identity = set.IdentityPolicies.Any(p => Allows(p, r, account)) || r.Principal.EndsWith(":root", StringComparison.Ordinal);
        var capsAllow = caps.All(p => Allows(p, r, account));
        var resourceAccount = r.ResourceAccount;
        if (resourceAccount != account) return identity && capsAllow && named.Any(n => n != Named.No) ? Decision.Allow : Decision.ImplicitDeny;
        var mustAllow = resource.Length > 0 && (
            (r.Action.StartsWith("sts:AssumeRole", StringComparison.OrdinalIgnoreCase) || r.Action.Equals("sts:TagSession", StringComparison.OrdinalIgnoreCase)
             || r.Action.Equals("sts:SetSourceIdentity", StringComparison.OrdinalIgnoreCase)) && r.Resource.Contains(":role/", StringComparison.Ordinal)
            || r.Action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase) && r.Resource.Contains(":key/", StringComparison.Ordinal));
        if (mustAllow && named.All(n => n == Named.No)) return Decision.ImplicitDeny;
        // 4. Same account: a grant to the user or session itself is enough; identity and role grants pass the caps.
        if (named.Contains(Named.Direct)) return Decision.Allow;
        return (identity || named.Contains(Named.Role)) && capsAllow ? Decision.Allow : Decision.ImplicitDeny;
    }

    private static IEnumerable<Statement> Statements(NamedPolicy p, Effect effect) => p.Document!.Statements.Where(s => s.Effect == effect);

    private static bool Allows(NamedPolicy p, AuthorizationRequest r, string account)
        => Statements(p, Effect.Allow).Any(s => Applies(p, s, r, account) != Named.No);

    private static Named Applies(NamedPolicy p, Statement s, AuthorizationRequest r, string account)
    {
        if (s.Action.Values.Any(a => Wildcard.IsMatch(a.Value, r.Action, ignoreCase: true)) == s.Action.IsNot) return Named.No;
        if (s.Resource is { } res && res.Values.Any(v => Wildcard.IsMatch(v.Value, r.Resource, ignoreCase: false)) == res.IsNot) return Named.No;
        if (s.Conditions.Any(c => !CompiledCondition.Compile(c, p.Document!.SupportsPolicyVariables).Evaluate(r.Context).Matched)) return Named.No;
        if (p.Name.StartsWith("rcp", StringComparison.Ordinal) && s.Principal is null) return Named.Direct;
        var isEndpoint = p.Name.StartsWith("vpce", StringComparison.Ordinal);
        if (!p.Name.StartsWith("resource", StringComparison.Ordinal) && !p.Name.StartsWith("rcp", StringComparison.Ordinal) && !isEndpoint) return Named.Direct;
        if (s.Principal is not { } principal) return Named.No;
        if (principal.IsWildcard) return Named.Direct;
        var best = Named.No;
        foreach (var e in principal.Entries.Select(e => e.Value))
        {
            var sessionOf = r.Principal.Contains(":assumed-role/", StringComparison.Ordinal)
                ? $"arn:aws:iam::{account}:role/{r.Principal.Split('/')[1]}" : null;
            if (e == "*" || e == r.Principal && !r.Principal.Contains(":role/", StringComparison.Ordinal)) return Named.Direct;
            if (e == r.Principal || e == sessionOf) best = Named.Role;
            else if ((e == account || e == $"arn:aws:iam::{account}:root") && best == Named.No) best = Named.Account;
        }
        return isEndpoint && best == Named.Account && !r.Principal.EndsWith(":root", StringComparison.Ordinal) ? Named.No : best;
    }
}
