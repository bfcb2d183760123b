using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Condition values the evaluator can never match because its operator family cannot read them. Each value is read
/// with the family's <c>TryParse</c> in <c>Evaluation/Conditions</c>, the one the evaluator compiles it with, so there
/// is a finding exactly for each value that makes its clause never match.
/// </summary>
/// <remarks>
/// Warnings, not errors: IAM stores such documents (condition values are strings to it, and it does not read them
/// by operator), and at evaluation the value simply never matches. IAM Access Analyzer reports them as type
/// mismatch warnings for the same reason. Policy variables are substituted in String, ARN and Bool values under
/// Version <c>2012-10-17</c>; elsewhere <c>${...}</c> is literal text and read as such.
/// </remarks>
internal sealed class ConditionValueCheck : IPolicyCheck
{
    public string Name => "ConditionValue";

    public void Check(ValidationContext context)
    {
        var policyVariables = context.Document.SupportsPolicyVariables;
        foreach (var statement in context.Document.Statements)
        {
            foreach (var clause in statement.Conditions)
            {
                foreach (var value in clause.Values)
                {
                    var (read, expected, help) = Read(clause.Operator.Kind, value.Value, policyVariables);
                    if (read)
                    {
                        continue;
                    }
                    if (value.Value.Contains("${", StringComparison.Ordinal) && !(policyVariables && clause.Operator.Kind == ConditionOperatorKind.Bool))
                    {
                        help = policyVariables
                            ? "policy variables are substituted only in String, ARN and Bool values"
                            : "policy variables are substituted only under `\"Version\": \"2012-10-17\"`";
                    }
                    context.Report(DiagnosticCodes.ConditionValueTypeMismatch, Severity.Warning,
                        $"`{value.Value}` is not {expected}, so `{clause.OperatorName}` never matches it", value.Location, help);
                }
            }
        }
    }

    /// <summary>Reads a value with its operator family's grammar: whether it reads, what the family expects and a hint.</summary>
    private static (bool Read, string Expected, string Help) Read(ConditionOperatorKind kind, string text, bool policyVariables) => kind switch
    {
        ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringEqualsIgnoreCase
            or ConditionOperatorKind.StringNotEqualsIgnoreCase
            => (StringOperators.TryParse(text, policyVariables, wildcards: false, out _), "a string", "write a string"),
        ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike
            => (StringOperators.TryParse(text, policyVariables, wildcards: true, out _), "a string", "write a string"),
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.NumericLessThan
            or ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.NumericGreaterThan
            or ConditionOperatorKind.NumericGreaterThanEquals
            => (NumericOperators.TryParse(text, out _), "an integer or decimal number",
                "write digits with an optional sign and decimal point, such as `10` or `-2.5`, without exponent or spaces"),
        ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals or ConditionOperatorKind.DateLessThan
            or ConditionOperatorKind.DateLessThanEquals or ConditionOperatorKind.DateGreaterThan
            or ConditionOperatorKind.DateGreaterThanEquals
            => (DateOperators.TryParse(text, out _), "a date",
                "write a W3C date such as `2026-01-31` or `2026-01-31T10:00:00Z` (a time needs `T` and a zone), or epoch seconds such as `1769853600`"),
        ConditionOperatorKind.Bool
            => (BoolOperator.TryParse(text, policyVariables, out _), "`true` or `false`", "write `true` or `false`"),
        ConditionOperatorKind.Null
            => (NullOperator.TryParse(text, out _), "`true` or `false`", "write `true` or `false`"),
        ConditionOperatorKind.BinaryEquals
            => (BinaryOperator.TryParse(text, out _), "base64", "write the bytes base64-encoded with padding, such as `QmluYXJ5VmFsdWU=`"),
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress
            => (IpAddressOperators.TryParse(text, out _, out _), "an IP address or CIDR range",
                "write an address or range such as `203.0.113.0/24` or `2001:db8::/32`"),
        ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnNotEquals
            or ConditionOperatorKind.ArnNotLike
            => (ArnOperators.TryParse(text, policyVariables, out _), "an ARN", "write an ARN"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "an operator without a value grammar"),
    };
}
