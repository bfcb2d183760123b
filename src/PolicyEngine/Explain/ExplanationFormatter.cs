using System.Globalization;
using System.Text;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Explain;

/// <summary>Renders an <see cref="AuthorizationResult"/> as plain text for people; tools should read the typed result.</summary>
public static class ExplanationFormatter
{
    /// <summary>A few lines: the decision and its reason, the deciding statements, why others did not apply, missing keys.</summary>
    public static string Format(AuthorizationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        var explanation = result.Explanation;
        text.Append(CultureInfo.InvariantCulture, $"{result.Decision}: {Describe(explanation)}").Append('\n');
        foreach (var statement in result.DecidingStatements)
        {
            text.Append(CultureInfo.InvariantCulture, $"  decided by {statement} at line {statement.Line} ({statement.JsonPath})").Append('\n');
        }
        foreach (var outcome in explanation.Statements)
        {
            if (outcome.Status is StatementStatus.Matched)
            {
                continue;
            }
            text.Append(CultureInfo.InvariantCulture, $"  {outcome.Statement}: {Describe(outcome)}").Append('\n');
        }
        if (explanation.MissingContextKeys.Length > 0)
        {
            text.Append("  missing context keys: ").AppendJoin(", ", explanation.MissingContextKeys).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>One phrase for the decision's reason.</summary>
    public static string Describe(Explanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return explanation.Reason switch
        {
            DecisionReason.ExplicitDeny => "a statement denies the request",
            DecisionReason.NoAllow => "no identity-based or resource-based policy allows the request",
            DecisionReason.ServiceControlPolicyDoesNotAllow =>
                string.Create(CultureInfo.InvariantCulture, $"no service control policy at level {explanation.Level} allows the request"),
            DecisionReason.PermissionsBoundaryDoesNotAllow => "the permissions boundary does not allow the request",
            DecisionReason.SessionPolicyDoesNotAllow => "the session policy does not allow the request",
            DecisionReason.ResourcePolicyRequired => "the trust policy or key policy does not allow the caller",
            DecisionReason.CrossAccountResourcePolicyDoesNotAllow => "cross-account: the resource policy does not allow the caller",
            DecisionReason.CrossAccountIdentityDoesNotAllow => "cross-account: the caller's own policies do not allow the request",
            DecisionReason.AllowedByIdentity => "allowed by the caller's policies",
            DecisionReason.AllowedByResourcePolicy => "allowed by the resource policy, which names the caller",
            DecisionReason.AllowedCrossAccount => "allowed by both the caller's policies and the resource policy",
            DecisionReason.AlwaysAllowed => "this action is always allowed",
            DecisionReason.AccessPointPolicyDoesNotAllow =>
                "through the access point: neither the access point policy nor an identity policy naming the access point ARN allows the request",
            DecisionReason.BucketPolicyDoesNotAllowAccessPoint =>
                "through the access point: the bucket policy neither delegates to the access point nor allows the same access",
            DecisionReason.AllowedThroughAccessPoint => "allowed through the access point, and the bucket policy allows it too",
            DecisionReason.VpcEndpointPolicyDoesNotAllow => "the VPC endpoint policy does not allow the request",
            DecisionReason.RestrictedByBlockPublicAccess =>
                "S3 Block Public Access (RestrictPublicBuckets): the bucket policy is public, so it grants nothing to callers outside the bucket owner's account",
            DecisionReason.AllowedByAccessControlList => "allowed by an S3 ACL grant to a group the caller belongs to",
            _ => explanation.Reason.ToString(),
        };
    }

    /// <summary>One phrase for why a statement did or did not apply.</summary>
    public static string Describe(StatementOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Status switch
        {
            StatementStatus.Matched => "applies",
            StatementStatus.NotApplicable => "its policy type does not govern this request",
            StatementStatus.ManagementAccountExempt when outcome.Statement.PolicyType == PolicyType.ServiceControl =>
                "SCPs do not affect the organization's management account, where the caller is",
            StatementStatus.AclIgnored => "S3 ignores this ACL grant: ACLs are disabled (BucketOwnerEnforced), or it is public and IgnorePublicAcls is on",
            StatementStatus.ManagementAccountExempt => "RCPs do not affect the organization's management account, which owns the resource",
            StatementStatus.ActionNotMatched => "action does not match",
            StatementStatus.ResourceNotMatched => "resource does not match",
            StatementStatus.PrincipalNotMatched => "principal does not match",
            StatementStatus.ConditionNotMet when outcome.FailedCondition is { KeyMissing: true } c =>
                $"condition `{c.Operator}` on `{c.Key}` fails: the request has no `{c.Key}`",
            StatementStatus.ConditionNotMet when outcome.FailedCondition is { } c =>
                $"condition `{c.Operator}` on `{c.Key}` fails: request value(s) `{string.Join("`, `", c.RequestValues)}` against `{string.Join("`, `", c.PolicyValues)}`",
            _ => outcome.Status.ToString(),
        };
    }
}
