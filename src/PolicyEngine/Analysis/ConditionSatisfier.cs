using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Analysis;

/// <summary>Picks request values that make a condition clause hold, to learn whether a conditional grant can apply at all.</summary>
/// <remarks>
/// Used only for keys the analysis assumptions do not supply: such a key is up to the request, so a grant that holds for
/// some value of it is "conditional", not "denied". The values are plausible witnesses, not proofs; a Deny that matches
/// the same witness still wins, so a grant that some Deny always cancels stays denied.
/// </remarks>
internal static class ConditionSatisfier
{
    private const string Other = "iamgov-other-value";

    /// <summary>A value list for <paramref name="clause"/>'s key that satisfies it, or null when absence satisfies it best.</summary>
    public static ImmutableArray<string>? Witness(ConditionClause clause)
    {
        var first = clause.Values.IsDefaultOrEmpty ? string.Empty : clause.Values[0].Value;
        var kind = clause.Operator.Kind;
        string? value = kind switch
        {
            ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.ArnEquals
                or ConditionOperatorKind.Bool or ConditionOperatorKind.BinaryEquals or ConditionOperatorKind.NumericEquals
                or ConditionOperatorKind.DateEquals => first,
            ConditionOperatorKind.StringLike or ConditionOperatorKind.ArnLike => first.Replace('*', 'x').Replace('?', 'x'),
            ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase or ConditionOperatorKind.StringNotLike
                or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike => Other,
            ConditionOperatorKind.NumericNotEquals => "-987654321",
            ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals => "-999999999",
            ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals => "999999999999",
            ConditionOperatorKind.DateNotEquals or ConditionOperatorKind.DateLessThan or ConditionOperatorKind.DateLessThanEquals => "1970-01-02T00:00:00Z",
            ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals => "2999-01-01T00:00:00Z",
            ConditionOperatorKind.IpAddress => first.Split('/')[0],
            ConditionOperatorKind.NotIpAddress => first.Contains(':', StringComparison.Ordinal) ? "2001:db8::1" : "192.0.2.1",
            ConditionOperatorKind.Null => string.Equals(first, "false", StringComparison.OrdinalIgnoreCase) ? Other : null,
            _ => first,
        };
        return value is null ? null : ImmutableArray.Create(value);
    }
}
