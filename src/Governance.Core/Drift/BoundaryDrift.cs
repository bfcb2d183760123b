using Governance.Core.Accounts;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Drift;

/// <summary>Whether a role's permissions boundary is the one code sets, compared by what the boundaries allow.</summary>
/// <remarks>
/// The role's own permission comparison already counts the boundary, but only through the requests its policies make:
/// a boundary removed from a role whose policies stay within it changes no decision today, yet the guardrail is gone.
/// So a missing boundary is a finding of its own (high), and so is an unexpected one (medium). Two different boundaries
/// are compared by decisions, each as the only policy of a principal: an equivalent boundary under another name is not
/// drift. Code names a boundary by ARN, so both documents come from the account snapshot.
/// </remarks>
internal static class BoundaryDrift
{
    /// <summary>The finding when the boundaries differ; else null.</summary>
    public static DriftFinding? Compare(string roleArn, string? intended, string? actual, AccountState state, PolicyLibrary library, AnalysisAssumptions assumptions)
    {
        if (string.Equals(intended, actual, StringComparison.Ordinal))
        {
            return null;
        }
        if (actual is null)
        {
            return new DriftFinding(DriftKind.PolicyDrift, roleArn, RiskSeverity.High,
                $"permissions boundary `{intended}` set in code is not on the role");
        }
        if (intended is null)
        {
            return new DriftFinding(DriftKind.PolicyDrift, roleArn, RiskSeverity.Medium,
                $"the role has permissions boundary `{actual}`, which code does not set");
        }
        var (codeDocument, accountDocument) = (Document(state, intended), Document(state, actual));
        if (codeDocument is null || accountDocument is null)
        {
            return new DriftFinding(DriftKind.PolicyDrift, roleArn, RiskSeverity.Medium,
                $"permissions boundary is `{actual}`, code sets `{intended}`; `{(codeDocument is null ? intended : actual)}` is not in the account snapshot, so they cannot be compared");
        }
        var delta = AccessDeltaCalculator.Compare(
            new PolicySet { IdentityPolicies = [library.Get(intended, codeDocument)] },
            new PolicySet { IdentityPolicies = [library.Get(actual, accountDocument)] },
            roleArn, assumptions);
        return delta.IsEmpty
            ? null
            : new DriftFinding(DriftKind.PolicyDrift, roleArn, delta.Added.Any() ? RiskSeverity.High : RiskSeverity.Medium,
                $"permissions boundary is `{actual}`, code sets `{intended}`; the boundary allows differently: {AccessDeltaActions.Describe(delta)}");
    }

    private static string? Document(AccountState state, string arn) => state.FindPolicy(arn)?.DefaultVersion?.Document;
}
