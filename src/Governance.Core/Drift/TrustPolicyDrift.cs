using System.Text.Json.Nodes;
using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using Governance.Core.Policies;
using Governance.Core.Risk;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Drift;

/// <summary>Whether a role's trust policy in the account admits the same callers as code's, decided by the engine.</summary>
/// <remarks>
/// The callers compared are every principal either policy names (in Principal or NotPrincipal), plus an unrelated
/// account's root when either names <c>*</c> or uses NotPrincipal. Each is decided for every action a trust policy
/// governs, with the trust policy as the role's resource policy and an identity policy that allows those actions, so
/// that only what the trust policy admits is compared: <c>arn:aws:iam::ACCOUNT:root</c> admits every principal of the
/// account, conditions such as <c>aws:MultiFactorAuthPresent</c> make a caller conditional. Rewriting the same
/// principals in another order or form is therefore not drift; naming another account, or dropping a condition, is.
/// </remarks>
internal static class TrustPolicyDrift
{
    /// <summary>A caller no policy of the account names, standing for "anyone".</summary>
    public const string Anyone = "arn:aws:iam::000000000000:root";

    private static readonly string[] Actions =
        ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity", "sts:SetSourceIdentity", "sts:TagSession"];

    private static readonly NamedPolicy CallerMayAssume = NamedPolicy.Parse("caller may assume roles", new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. Actions.Select(static a => (JsonNode)a)]),
            ["Resource"] = "*",
        }),
    }.ToJsonString());

    /// <summary>The finding when the account's trust policy decides some caller differently from code's; else null.</summary>
    public static DriftFinding? Compare(string roleArn, string intended, string? actual, PolicyLibrary library, AnalysisAssumptions assumptions)
    {
        if (actual is not null && SameJson.Documents(intended, actual))
        {
            return null; // the same document decides alike; skip the engine
        }
        var code = library.Get("trust policy in code", intended);
        var account = actual is null ? null : library.Get("trust policy in the account", actual);
        var differences = new List<string>();
        var widened = false;
        foreach (var caller in Callers(code, account))
        {
            var before = Analyzer(code, caller, assumptions);
            var after = account is null ? null : Analyzer(account, caller, assumptions);
            foreach (var action in Actions)
            {
                var was = before.Check(action, roleArn);
                var now = after?.Check(action, roleArn);
                var (wasText, nowText) = (Verdict(was), now is null ? "denied (no trust policy)" : Verdict(now));
                if (wasText != nowText)
                {
                    widened |= Rank(now) > Rank(was);
                    differences.Add($"{Name(caller)} {action}: {wasText} in code, {nowText} in the account");
                }
            }
        }
        return differences.Count == 0
            ? null
            : new DriftFinding(DriftKind.PolicyDrift, roleArn, widened ? RiskSeverity.High : RiskSeverity.Medium,
                "trust policy differs from code in who may assume the role: " + string.Join("; ", differences));
    }

    private static AccessAnalyzer Analyzer(NamedPolicy trust, string caller, AnalysisAssumptions assumptions)
        => AccessAnalyzer.Create(new PolicySet { IdentityPolicies = [CallerMayAssume], ResourcePolicy = trust }, caller, assumptions);

    private static SortedSet<string> Callers(NamedPolicy code, NamedPolicy? account)
    {
        var statements = (code.Document?.Statements ?? []).Concat(account?.Document?.Statements ?? []);
        var callers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var principal in statements.Select(static s => s.Principal).OfType<PrincipalSpec>())
        {
            if (principal.IsWildcard || principal.IsNot)
            {
                callers.Add(Anyone);
            }
            foreach (var entry in principal.Entries)
            {
                callers.Add(entry.Value == "*" ? Anyone : AsCaller(entry));
            }
        }
        return callers;
    }

    /// <summary>A bare account id stands for its root, as AWS reads it.</summary>
    private static string AsCaller(PrincipalEntry entry)
        => entry.Type == PrincipalType.Aws && entry.Value.Length == 12 && entry.Value.All(char.IsAsciiDigit)
            ? $"arn:aws:iam::{entry.Value}:root"
            : entry.Value;

    private static string Name(string caller) => caller == Anyone ? "anyone (`*`)" : $"`{caller}`";

    private static string Verdict(AccessCheck check) => check.Verdict switch
    {
        AccessVerdict.Allowed => "allowed",
        AccessVerdict.Conditional => $"allowed if {string.Join(", ", check.ConditionKeys.Order(StringComparer.Ordinal))}",
        _ => "denied",
    };

    private static int Rank(AccessCheck? check) => check?.Verdict switch
    {
        AccessVerdict.Allowed => 2,
        AccessVerdict.Conditional => 1,
        _ => 0,
    };
}
