using System.Collections.Frozen;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// The rules the AWS PrivateLink guide states for endpoint policies besides the Principal (<see cref="PrincipalCheck"/>)
/// and the size (<see cref="SizeQuotaCheck"/>), "Considerations" of
/// https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html:
/// "You can't use wildcard characters (* or ?) or numeric condition operators with global context keys that reference
/// system-generated identifiers (for example, aws:PrincipalAccount or aws:SourceVpc)"; "When you use string condition
/// operators, you must use at least six consecutive characters before or after each wildcard character"; "When you
/// specify an ARN in a resource or condition element, the account part of the ARN can include an account ID or a
/// wildcard character, but not both".
/// </summary>
internal sealed class VpcEndpointPolicyCheck : IPolicyCheck
{
    private const int ConsecutiveCharacters = 6;

    /// <summary>
    /// Global keys whose values AWS generates (account, organization, VPC and endpoint ids): the guide's two examples and
    /// the keys of the same kind in the global condition keys reference.
    /// </summary>
    private static readonly FrozenSet<string> IdentifierKeys = new[]
    {
        "aws:PrincipalAccount", "aws:PrincipalOrgID", "aws:ResourceAccount", "aws:ResourceOrgID", "aws:SourceAccount",
        "aws:SourceOrgID", "aws:SourceVpc", "aws:SourceVpce", "aws:VpceAccount", "aws:VpceOrgID",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public string Name => "VpcEndpointPolicy";

    public void Check(ValidationContext context)
    {
        if (context.Kind != PolicyKind.VpcEndpoint)
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            foreach (var resource in statement.Resource?.Values ?? [])
            {
                CheckArnAccount(context, resource);
            }
            foreach (var clause in statement.Conditions)
            {
                CheckClause(context, clause);
            }
        }
    }

    private static void CheckClause(ValidationContext context, ConditionClause clause)
    {
        var kind = clause.Operator.Kind;
        var identifier = IdentifierKeys.Contains(clause.Key);
        if (identifier && kind is ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
            or ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals
            or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals)
        {
            context.Report(DiagnosticCodes.EndpointIdentifierKeyPattern, Severity.Error,
                $"`{clause.OperatorName}` cannot be used with `{clause.Key}` in VPC endpoint policies: it holds a system-generated identifier",
                clause.Location, "compare the identifier with `StringEquals`");
        }
        foreach (var value in clause.Values)
        {
            if (identifier && HasWildcard(value.Value))
            {
                context.Report(DiagnosticCodes.EndpointIdentifierKeyPattern, Severity.Error,
                    $"`{value.Value}` has a wildcard; VPC endpoint policies allow none in values of `{clause.Key}`, a system-generated identifier",
                    value.Location, "list the identifiers in full");
            }
            else if (kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike && !WildcardsAnchored(value.Value))
            {
                context.Report(DiagnosticCodes.EndpointWildcardTooShort, Severity.Error,
                    $"`{value.Value}` needs at least {ConsecutiveCharacters} consecutive characters before or after each wildcard in VPC endpoint policies",
                    value.Location, "write more of the value around the wildcard, or list the values in full");
            }
            if (kind is ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike
                || value.Value.StartsWith("arn:", StringComparison.Ordinal))
            {
                CheckArnAccount(context, value);
            }
        }
    }

    private static void CheckArnAccount(ValidationContext context, LocatedString value)
    {
        var parts = value.Value.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn")
        {
            return;
        }
        var account = parts[4];
        if (HasWildcard(account) && account.Any(static c => c is not ('*' or '?')))
        {
            context.Report(DiagnosticCodes.EndpointArnAccountMixed, Severity.Error,
                $"the account part `{account}` of `{value.Value}` mixes an account id and a wildcard; VPC endpoint policies allow one or the other",
                value.Location, "write the whole account id, or `*`");
        }
    }

    private static bool HasWildcard(string value) => value.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>Whether every wildcard of <paramref name="value"/> has six consecutive other characters on one side.</summary>
    private static bool WildcardsAnchored(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is not ('*' or '?'))
            {
                continue;
            }
            var before = 0;
            while (i - before - 1 >= 0 && value[i - before - 1] is not ('*' or '?'))
            {
                before++;
            }
            var after = 0;
            while (i + after + 1 < value.Length && value[i + after + 1] is not ('*' or '?'))
            {
                after++;
            }
            if (before < ConsecutiveCharacters && after < ConsecutiveCharacters)
            {
                return false;
            }
        }
        return true;
    }
}
