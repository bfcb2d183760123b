using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Model;

namespace PolicyEngine.Tests.Conditions;

/// <summary>Builds clauses and contexts for the condition tests.</summary>
internal static class ConditionTestKit
{
    public static ConditionClause Clause(string operatorName, string key, params string[] values)
    {
        var parsed = ConditionOperator.Parse(operatorName);
        var op = parsed.Operator ?? throw new ArgumentException($"not an operator: {operatorName}", nameof(operatorName));
        return new ConditionClause(op, operatorName, key, [.. values.Select(static v => new LocatedString(v, SourceLocation.Root))], SourceLocation.Root);
    }

    public static CompiledCondition Compile(string operatorName, string key, params string[] values)
        => CompiledCondition.Compile(Clause(operatorName, key, values), policyVariables: true);

    public static RequestContext Context(params (string Key, string Value)[] entries)
        => RequestContext.Create(entries.Select(static e => KeyValuePair.Create(e.Key, e.Value)));

    public static RequestContext MultiContext(string key, params string[] values)
        => RequestContext.Create([KeyValuePair.Create(key, ImmutableArray.Create(values))]);

    /// <summary>Evaluates a clause with one single-valued key (or none when <paramref name="requestValue"/> is null).</summary>
    public static bool Matches(string operatorName, string key, string? requestValue, params string[] policyValues)
    {
        var context = requestValue is null ? RequestContext.Empty : Context((key, requestValue));
        return Compile(operatorName, key, policyValues).Evaluate(context).Matched;
    }
}
