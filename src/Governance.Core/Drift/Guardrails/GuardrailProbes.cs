using System.Collections.Immutable;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Drift.Guardrails;

/// <summary>The condition-key values two versions of a guardrail are compared under, so that a changed condition shows as a changed decision.</summary>
/// <remarks>
/// Each key either version's conditions read is given every value either names (wildcards filled in), one value
/// neither names, and no value at all; each combination is one <see cref="GuardrailProbe"/>. A region added to a
/// region lock's list is then a request in that region that one version denies and the other does not. Past
/// <see cref="MaxCombinations"/> the keys are varied one at a time, the others left to the request.
/// </remarks>
internal static class GuardrailProbes
{
    /// <summary>The value no policy names, standing for "any other value".</summary>
    public const string Other = "iamgov-another-value";

    private const string OtherArn = "arn:aws:iam::999999999999:role/iamgov-another-principal";
    private const int MaxCombinations = 64;

    /// <summary>The probes for <paramref name="policies"/>: the first sets no key.</summary>
    public static ImmutableArray<GuardrailProbe> For(params NamedPolicy[] policies)
    {
        var clauses = policies.SelectMany(static p => p.Document?.Statements ?? []).SelectMany(static s => s.Conditions).ToList();
        var keys = clauses.GroupBy(static c => c.Key, StringComparer.OrdinalIgnoreCase)
            .OrderBy(static g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(static g => (Key: g.First().Key, Values: g.SelectMany(Values).DistinctBy(static v => v.Value, StringComparer.Ordinal).ToImmutableArray()))
            .ToList();
        // Capped as it grows: thirty keys would overflow a long, and past the cap the count no longer matters.
        var combinations = keys.Aggregate(1L, static (n, k) => Math.Min(n * (k.Values.Length + 1), MaxCombinations + 1));
        var probes = new List<ImmutableArray<(string Key, ProbeValue Value)>>();
        if (combinations <= MaxCombinations)
        {
            IEnumerable<ImmutableArray<(string, ProbeValue)>> product = [[]];
            foreach (var (key, values) in keys)
            {
                // Invariant: the empty choice (key not given) comes first, so the probe that sets nothing is first.
                product = product.SelectMany(p => values.Select(v => p.Add((key, v))).Prepend(p)).ToList();
            }
            probes.AddRange(product);
        }
        else
        {
            probes.Add([]);
            probes.AddRange(keys.SelectMany(static k => k.Values.Select(v => ImmutableArray.Create((k.Key, v)))));
        }
        return [.. probes.Select(static p => new GuardrailProbe(
            RequestContext.Create(p.Select(static e => KeyValuePair.Create(e.Key, ImmutableArray.Create(e.Value.Value)))),
            string.Join(", ", p.Select(static e => $"`{e.Key}` = {e.Value.Shown}"))))];
    }

    /// <summary>Every value <paramref name="clause"/> names, in a form a request can carry, and one it does not name.</summary>
    private static IEnumerable<ProbeValue> Values(ConditionClause clause)
    {
        var named = clause.Values.IsDefault ? [] : clause.Values.Select(static v => v.Value).ToList();
        switch (clause.Operator.Kind)
        {
            case ConditionOperatorKind.Bool:
                return [Literal("true"), Literal("false")];
            case ConditionOperatorKind.Null:
                return [Unnamed(Other)];
            case ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress:
                return named.Select(static v => new ProbeValue(v.Split('/')[0], $"an address in `{v}`"))
                    .Append(Unnamed(named.Any(static v => v.Contains(':', StringComparison.Ordinal)) ? "2001:db8::1" : "192.0.2.1"));
            case ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.NumericLessThan
                or ConditionOperatorKind.NumericLessThanEquals or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals:
                return named.Select(Literal).Append(Literal("-987654321")).Append(Literal("999999999999"));
            case ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals or ConditionOperatorKind.DateLessThan
                or ConditionOperatorKind.DateLessThanEquals or ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals:
                return named.Select(Literal).Append(Literal("1970-01-02T00:00:00Z")).Append(Literal("2999-01-01T00:00:00Z"));
            case ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike:
                return named.Select(Matching).Append(Unnamed(OtherArn));
            default:
                return named.Select(Matching).Append(Unnamed(Other));
        }
    }

    private static ProbeValue Literal(string value) => new(value, $"`{value}`");

    private static ProbeValue Unnamed(string value) => new(value, "a value neither names");

    /// <summary>A pattern's wildcards filled in, so that the value is one the pattern matches; shown as the pattern.</summary>
    private static ProbeValue Matching(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') < 0
        ? Literal(pattern)
        : new ProbeValue(pattern.Replace('*', 'x').Replace('?', 'x'), $"a value like `{pattern}`");

    /// <summary>A value a probe sets, and how a sentence shows it.</summary>
    private readonly record struct ProbeValue(string Value, string Shown);
}
