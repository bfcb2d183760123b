using System.Globalization;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Condition values that cannot be read as the operator's type: an IpAddress value that is no address or range, a
/// Date value that is no date, a Numeric value that is no number, a Bool or Null value that is not true or false,
/// a Binary value that is not base64.
/// </summary>
/// <remarks>
/// Warnings, not errors: IAM stores such documents (condition values are strings to it, and it does not read them
/// by operator), and at evaluation the value simply never matches. IAM Access Analyzer reports them as type
/// mismatch warnings for the same reason. Values holding policy variables are read only at evaluation and are skipped.
/// </remarks>
internal sealed class ConditionValueCheck : IPolicyCheck
{
    public string Name => "ConditionValue";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            foreach (var clause in statement.Conditions)
            {
                var (test, expected) = Expectation(clause.Operator.Kind);
                if (test is null)
                {
                    continue;
                }
                foreach (var value in clause.Values)
                {
                    if (!value.Value.Contains("${", StringComparison.Ordinal) && !test(value.Value))
                    {
                        context.Report(DiagnosticCodes.ConditionValueTypeMismatch, Severity.Warning,
                            $"`{value.Value}` is not {expected}, so `{clause.OperatorName}` never matches it", value.Location,
                            Help(clause.Operator.Kind));
                    }
                }
            }
        }
    }

    private static (Func<string, bool>? Test, string Expected) Expectation(ConditionOperatorKind kind) => kind switch
    {
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress
            => (IpAddressText.IsAddressOrRange, "an IP address or CIDR range"),
        ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals or ConditionOperatorKind.DateLessThan
            or ConditionOperatorKind.DateLessThanEquals or ConditionOperatorKind.DateGreaterThan
            or ConditionOperatorKind.DateGreaterThanEquals => (IsDate, "a date"),
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.NumericLessThan
            or ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.NumericGreaterThan
            or ConditionOperatorKind.NumericGreaterThanEquals => (IsNumber, "a number"),
        ConditionOperatorKind.Bool or ConditionOperatorKind.Null => (IsBoolean, "`true` or `false`"),
        ConditionOperatorKind.BinaryEquals => (IsBase64, "base64"),
        _ => (null, string.Empty),
    };

    private static string Help(ConditionOperatorKind kind) => kind switch
    {
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => "write an address or range such as `203.0.113.0/24` or `2001:db8::/32`",
        ConditionOperatorKind.Bool or ConditionOperatorKind.Null => "write `true` or `false`",
        ConditionOperatorKind.BinaryEquals => "write the bytes base64-encoded, such as `QmluYXJ5VmFsdWU=`",
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.NumericLessThan
            or ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.NumericGreaterThan
            or ConditionOperatorKind.NumericGreaterThanEquals => "write a number such as `10` or `2.5`, or use a String operator",
        _ => "write an ISO 8601 date such as `2026-01-31T00:00:00Z`, or seconds since 1970",
    };

    private static bool IsNumber(string text)
        => decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static bool IsDate(string text)
        => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    private static bool IsBoolean(string text)
        => text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase);

    private static bool IsBase64(string text)
    {
        Span<byte> buffer = text.Length <= 1024 ? stackalloc byte[text.Length] : new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
