using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>The ordered families, Numeric and Date: policy values read once, a request value compared with each in the operator's order.</summary>
/// <remarks>
/// Each family keeps its own grammar (its <c>TryParse</c>, which validation calls too); this type only compares.
/// A policy value outside the grammar makes the clause never match; a request value outside it makes it undecidable.
/// </remarks>
internal static class OrderedValues
{
    /// <summary>A family's reader of one value.</summary>
    public delegate bool Reader<T>(string text, out T value);

    /// <summary>Compiles the policy values with <paramref name="read"/>; null when one does not read.</summary>
    public static ValueMatcher? Create<T>(ValueOrdering ordering, ImmutableArray<LocatedString> values, Reader<T> read)
        where T : IComparable<T>
    {
        var policy = new T[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!read(values[i].Value, out policy[i]))
            {
                return null;
            }
        }
        return new Matcher<T>(ordering, policy, read);
    }

    private sealed class Matcher<T>(ValueOrdering ordering, T[] policyValues, Reader<T> read) : ValueMatcher
        where T : IComparable<T>
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            if (!read(requestValue, out var request))
            {
                return ValueMatch.Undecidable;
            }
            foreach (var policy in policyValues)
            {
                var order = request.CompareTo(policy);
                var holds = ordering switch
                {
                    ValueOrdering.LessThan => order < 0,
                    ValueOrdering.LessThanEquals => order <= 0,
                    ValueOrdering.GreaterThan => order > 0,
                    ValueOrdering.GreaterThanEquals => order >= 0,
                    _ => order == 0,
                };
                if (holds)
                {
                    return ValueMatch.Match;
                }
            }
            return ValueMatch.NoMatch;
        }
    }
}
