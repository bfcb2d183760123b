using System.Buffers.Text;
using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// BinaryEquals (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals).
/// </summary>
/// <remarks>
/// The policy holds the base64 encoding of the bytes and the request carries its value base64-encoded too; equal bytes
/// have one canonical base64 form, so the two strings are compared exactly. A policy value that is not base64 makes
/// the clause never match.
/// </remarks>
internal static class BinaryOperator
{
    /// <summary>Compiles the policy values; null when one is not base64.</summary>
    public static ValueMatcher? Create(ImmutableArray<LocatedString> values)
    {
        var encoded = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!Base64.IsValid(values[i].Value))
            {
                return null;
            }
            encoded[i] = values[i].Value;
        }
        return new Matcher(encoded);
    }

    private sealed class Matcher(string[] encoded) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            foreach (var value in encoded)
            {
                if (string.Equals(value, requestValue, StringComparison.Ordinal))
                {
                    return ValueMatch.Match;
                }
            }
            return ValueMatch.NoMatch;
        }
    }
}
