using System.Collections.Frozen;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>S3's rule for when a bucket policy is public: the one place the engine decides it.</summary>
/// <remarks>
/// <para>
/// "Amazon S3 begins by assuming that the policy is public ... To be considered non-public, a bucket policy must grant
/// access only to fixed values (values that don't contain a wildcard or an AWS Identity and Access Management Policy
/// Variable) for one or more of the following: an AWS principal, user, role, or service principal (e.g.
/// aws:PrincipalOrgID); a set of CIDRs using aws:SourceIp; aws:SourceArn; aws:SourceVpc; aws:SourceVpce;
/// aws:SourceOwner; aws:SourceAccount; s3:x-amz-server-side-encryption-aws-kms-key-id; aws:userid, outside the pattern
/// "AROLEID:*"; s3:DataAccessPointArn; s3:DataAccessPointAccount." An <c>aws:SourceIp</c> range broader than /8 (IPv4)
/// or /32 (IPv6) counts as public, and an <c>s3:DataAccessPointArn</c> may hold a wildcard for the access point name as
/// long as the account is fixed. https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status
/// </para>
/// <para>
/// So an Allow statement is public unless its Principal lists only fixed principals, or one of its conditions limits
/// the request to fixed values of such a key. A limiting condition is a positive operator (not negated, not
/// <c>IfExists</c>, not <c>ForAllValues</c>, which hold when the key is absent) whose every value is fixed. The
/// principal keys the guide's example names are read as <c>aws:PrincipalOrgID</c>, <c>aws:PrincipalAccount</c> and
/// <c>aws:PrincipalArn</c>. A <c>Federated</c> principal is public (the guide's first example). Deny statements grant
/// nothing and never make a policy public.
/// </para>
/// </remarks>
internal static class PublicPolicyRule
{
    private static readonly FrozenSet<string> FixingKeys = new[]
    {
        "aws:SourceArn", "aws:SourceVpc", "aws:SourceVpce", "aws:SourceOwner", "aws:SourceAccount",
        "s3:x-amz-server-side-encryption-aws-kms-key-id", "aws:userid", "s3:DataAccessPointAccount",
        "aws:PrincipalOrgID", "aws:PrincipalAccount", "aws:PrincipalArn",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const string SourceIp = "aws:SourceIp";
    private const string DataAccessPointArn = "s3:DataAccessPointArn";

    /// <summary>True when <paramref name="document"/> grants access S3 counts as public.</summary>
    public static bool IsPublic(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Statements.Any(IsPublic);
    }

    /// <summary>True when <paramref name="statement"/> is an Allow S3 counts as public.</summary>
    public static bool IsPublic(Statement statement)
    {
        ArgumentNullException.ThrowIfNull(statement);
        if (statement.Effect != Effect.Allow)
        {
            return false;
        }
        return !NamesOnlyFixedPrincipals(statement.Principal) && !statement.Conditions.Any(Limits);
    }

    private static bool NamesOnlyFixedPrincipals(PrincipalSpec? principal)
    {
        // No Principal in a bucket policy grants nobody; NotPrincipal grants everyone not listed.
        if (principal is null)
        {
            return true;
        }
        if (principal.IsNot || principal.IsWildcard)
        {
            return false;
        }
        return principal.Entries.All(static e => e.Type is PrincipalType.Aws or PrincipalType.Service or PrincipalType.CanonicalUser
            && !Wildcard.HasWildcard(e.Value) && !e.Value.Contains("${", StringComparison.Ordinal));
    }

    private static bool Limits(ConditionClause clause)
    {
        var op = clause.Operator;
        if (op.IsNegated || op.IfExists || op.Qualifier == SetQualifier.ForAllValues || clause.Values.IsDefaultOrEmpty)
        {
            return false;
        }
        if (string.Equals(clause.Key, SourceIp, StringComparison.OrdinalIgnoreCase))
        {
            return op.Kind == ConditionOperatorKind.IpAddress && clause.Values.All(static v => IsNarrowRange(v.Value));
        }
        if (op.Kind is not (ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase
            or ConditionOperatorKind.StringLike or ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike))
        {
            return false;
        }
        if (string.Equals(clause.Key, DataAccessPointArn, StringComparison.OrdinalIgnoreCase))
        {
            return clause.Values.All(static v => HasFixedAccount(v.Value));
        }
        return FixingKeys.Contains(clause.Key) && clause.Values.All(static v => IsFixed(v.Value));
    }

    private static bool IsFixed(string value) => !Wildcard.HasWildcard(value) && !value.Contains("${", StringComparison.Ordinal);

    /// <summary>An access point ARN whose partition, service, region and account are fixed; its name may hold a wildcard.</summary>
    private static bool HasFixedAccount(string value)
    {
        var parts = value.Split(':', 6);
        return parts.Length == 6 && parts[..5].All(IsFixed) && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit);
    }

    /// <summary>A CIDR no broader than /8 (IPv4) or /32 (IPv6); a broader one is public.</summary>
    private static bool IsNarrowRange(string value)
    {
        if (!IpAddressOperators.TryParse(value, out _, out var mask))
        {
            return false;
        }
        var bits = (int)UInt128.PopCount(mask);
        return value.Contains(':', StringComparison.Ordinal) ? bits >= 32 : bits - 96 >= 8;
    }
}
