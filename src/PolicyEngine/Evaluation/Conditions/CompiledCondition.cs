using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// One condition clause (operator, key, values) compiled once at policy-compile time and evaluated against requests.
/// </summary>
/// <remarks>
/// <para>Semantics, from https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html,
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html and
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html:</para>
/// <list type="bullet">
/// <item>Several policy values OR together; for a negated operator they NOR (the request value matches none of them).</item>
/// <item>Key absent (or present with no value): <c>ForAllValues</c> → true; <c>ForAnyValue</c> → false, with or without
/// <c>IfExists</c> (for no matching context key "or if the key does not exist, the condition returns false": there is no
/// value for IfExists to test); otherwise <c>...IfExists</c> → true, a negated operator → true and a positive one → false.</item>
/// <item><c>ForAllValues</c>: every request value satisfies the operator; <c>ForAnyValue</c>: at least one does. For a negated
/// operator "satisfies" means it matches none of the policy values.</item>
/// <item>No qualifier and more than one request value: false, for positive and negated operators alike. AWS requires a
/// set operator for multivalued keys and does not define the bare form; this follows the behaviour observed on AWS for a
/// bare <c>StringEquals</c> on a multivalued key, and iam-simulate.</item>
/// <item>A request value the operator cannot read (not a number, date, address, boolean or ARN) satisfies neither the
/// operator nor its negation.</item>
/// <item>A policy value whose variable has no value (its key is absent and it has no default) is "effectively null": it
/// equals and is like no request value, so a positive operator does not match it and a negated one does
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value). The
/// variable's key is reported in <see cref="ConditionOutcome.MissingVariableKey"/> either way.</item>
/// <item>A policy value the operator cannot read makes the clause never match; the validator reads values with the same
/// family <c>TryParse</c> and reports exactly these.</item>
/// </list>
/// <para>Immutable and thread-safe; <see cref="Evaluate"/> allocates nothing and never throws for any request.</para>
/// </remarks>
internal sealed class CompiledCondition
{
    private readonly ValueMatcher? _matcher;
    private readonly bool _isNull;
    private readonly bool _nullAcceptsAbsent;
    private readonly bool _nullAcceptsPresent;
    private readonly bool _never;
    private readonly bool _negated;
    private readonly bool _ifExists;
    private readonly SetQualifier _qualifier;

    private CompiledCondition(ConditionClause clause, ValueMatcher? matcher, bool never)
    {
        Clause = clause;
        Key = clause.Key;
        _matcher = matcher;
        _never = never;
        _negated = clause.Operator.IsNegated;
        _ifExists = clause.Operator.IfExists;
        _qualifier = clause.Operator.Qualifier;
        _isNull = clause.Operator.Kind == ConditionOperatorKind.Null;
        if (_isNull)
        {
            _never = !NullOperator.TryCreate(clause.Values, out _nullAcceptsAbsent, out _nullAcceptsPresent);
        }
    }

    /// <summary>The clause as parsed.</summary>
    public ConditionClause Clause { get; }

    /// <summary>The condition key as written; the request is searched for it without case.</summary>
    public string Key { get; }

    /// <summary>True when a policy value could not be read, so the clause never matches.</summary>
    public bool NeverMatches => _never;

    /// <summary>Compiles <paramref name="clause"/>.</summary>
    /// <param name="clause">The parsed clause.</param>
    /// <param name="policyVariables">True when the document's Version is <c>2012-10-17</c>, so <c>${...}</c> in String, ARN and Bool values is substituted.</param>
    public static CompiledCondition Compile(ConditionClause clause, bool policyVariables)
    {
        ArgumentNullException.ThrowIfNull(clause);
        var values = clause.Values.IsDefault ? [] : clause.Values;
        var matcher = clause.Operator.Kind switch
        {
            ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals
                or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase
                or ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike
                => StringOperators.Create(clause.Operator.Kind, values, policyVariables),
            ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
                or ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals
                or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals
                => NumericOperators.Create(clause.Operator.Kind, values),
            ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals
                or ConditionOperatorKind.DateLessThan or ConditionOperatorKind.DateLessThanEquals
                or ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals
                => DateOperators.Create(clause.Operator.Kind, values),
            ConditionOperatorKind.Bool => BoolOperator.Create(values, policyVariables),
            ConditionOperatorKind.BinaryEquals => BinaryOperator.Create(values),
            ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => IpAddressOperators.Create(values),
            ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike
                or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike
                => ArnOperators.Create(values, policyVariables),
            _ => null, // Null is decided from the key's presence alone.
        };
        var never = values.IsEmpty || (matcher is null && clause.Operator.Kind != ConditionOperatorKind.Null);
        return new CompiledCondition(clause, matcher, never);
    }

    /// <summary>Decides the clause for <paramref name="context"/>.</summary>
    public ConditionOutcome Evaluate(RequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var present = context.TryGetValues(Key, out var values);
        var keyMissing = !present;
        var hasValue = present && !values.IsDefaultOrEmpty;
        if (_never)
        {
            return new ConditionOutcome(false, keyMissing, null);
        }
        if (_isNull)
        {
            return new ConditionOutcome(NullOperator.Matches(hasValue, _nullAcceptsAbsent, _nullAcceptsPresent), keyMissing, null);
        }
        if (!hasValue)
        {
            var matched = _qualifier switch
            {
                SetQualifier.ForAllValues => true,
                // IfExists does not rescue ForAnyValue: "if the key does not exist, the condition returns false".
                SetQualifier.ForAnyValue => false,
                _ => _ifExists || _negated,
            };
            return new ConditionOutcome(matched, keyMissing, null);
        }

        string? missingVariable = null;
        bool result;
        switch (_qualifier)
        {
            case SetQualifier.ForAllValues:
                result = true;
                foreach (var value in values)
                {
                    if (!Satisfies(value, context, ref missingVariable))
                    {
                        result = false;
                        break;
                    }
                }
                break;
            case SetQualifier.ForAnyValue:
                result = false;
                foreach (var value in values)
                {
                    if (Satisfies(value, context, ref missingVariable))
                    {
                        result = true;
                        break;
                    }
                }
                break;
            default:
                result = values.Length == 1 && Satisfies(values[0], context, ref missingVariable);
                break;
        }
        return new ConditionOutcome(result, false, missingVariable);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Clause.OperatorName} {Key}";

    /// <summary>Whether one request value satisfies the operator (for a negated one: matches none of the policy values).</summary>
    private bool Satisfies(string value, RequestContext context, ref string? missingVariable)
    {
        // Invariant: _matcher is set for every operator but Null, which returned earlier.
        var match = _matcher!.Match(value, context, ref missingVariable);
        return _negated ? match == ValueMatch.NoMatch : match == ValueMatch.Match;
    }
}
