using System.Collections.Frozen;

namespace PolicyEngine.Model;

/// <summary>A condition operator as written: its kind, its set qualifier and whether it ends in <c>IfExists</c>.</summary>
/// <param name="Kind">The operator family member.</param>
/// <param name="Qualifier">ForAllValues, ForAnyValue or none.</param>
/// <param name="IfExists">True for the <c>...IfExists</c> form: the condition holds when the key is absent.</param>
public sealed record ConditionOperator(ConditionOperatorKind Kind, SetQualifier Qualifier, bool IfExists)
{
    private const string IfExistsSuffix = "IfExists";

    private static readonly FrozenDictionary<string, ConditionOperatorKind> KindsByName =
        Enum.GetValues<ConditionOperatorKind>().ToFrozenDictionary(static k => k.ToString(), StringComparer.Ordinal);

    /// <summary>Every operator name without qualifier, <c>IfExists</c> forms included, for suggestions.</summary>
    public static IReadOnlyList<string> AllNames { get; } = KindsByName.Keys
        .Concat(KindsByName.Keys.Where(static n => n != nameof(ConditionOperatorKind.Null)).Select(static n => n + IfExistsSuffix))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>True for the operators whose match is negated (StringNotEquals, NotIpAddress, ArnNotLike, ...).</summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>Reads an operator name such as <c>ForAnyValue:StringLikeIfExists</c>.</summary>
    /// <returns>The operator, or the reason the name is not one.</returns>
    public static ConditionOperatorParse Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var qualifier = SetQualifier.None;
        var baseName = name;
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var prefix = name[..colon];
            qualifier = prefix switch
            {
                "ForAllValues" => SetQualifier.ForAllValues,
                "ForAnyValue" => SetQualifier.ForAnyValue,
                _ => (SetQualifier)(-1),
            };
            if ((int)qualifier < 0)
            {
                return new ConditionOperatorParse(null, ConditionOperatorParseError.UnknownQualifier, prefix);
            }
            baseName = name[(colon + 1)..];
        }
        var ifExists = baseName.EndsWith(IfExistsSuffix, StringComparison.Ordinal) && baseName.Length > IfExistsSuffix.Length;
        var kindName = ifExists ? baseName[..^IfExistsSuffix.Length] : baseName;
        if (!KindsByName.TryGetValue(kindName, out var kind) || (ifExists && kind == ConditionOperatorKind.Null))
        {
            return new ConditionOperatorParse(null, ConditionOperatorParseError.UnknownOperator, baseName);
        }
        return new ConditionOperatorParse(new ConditionOperator(kind, qualifier, ifExists), ConditionOperatorParseError.None, null);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var prefix = Qualifier switch
        {
            SetQualifier.ForAllValues => "ForAllValues:",
            SetQualifier.ForAnyValue => "ForAnyValue:",
            _ => string.Empty,
        };
        return prefix + Kind + (IfExists ? IfExistsSuffix : string.Empty);
    }
}
