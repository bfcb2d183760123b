using System.Buffers;
using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// BinaryEquals (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals).
/// </summary>
/// <remarks>
/// The policy holds the base64 encoding of the bytes and the request carries its value base64-encoded too; both are
/// decoded and compared byte for byte, as the page says. A policy value outside <see cref="TryParse"/>'s grammar makes
/// the clause never match; a request value outside it makes it undecidable.
/// </remarks>
internal static class BinaryOperator
{
    /// <summary>Request values up to this many bytes decode on the stack; longer ones into a pooled buffer.</summary>
    private const int StackLimit = 256;

    /// <summary>Compiles the policy values; null when one is not base64.</summary>
    public static ValueMatcher? Create(ImmutableArray<LocatedString> values)
    {
        var decoded = new byte[values.Length][];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryParse(values[i].Value, out decoded[i]))
            {
                return null;
            }
        }
        return new Matcher(decoded);
    }

    /// <summary>Reads a BinaryEquals value into its bytes.</summary>
    /// <remarks>
    /// AWS compares the key "byte for byte against a base-64 encoded representation of the binary value in the policy",
    /// and "You can not use a policy variable with the Binary condition operator"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_BinaryEquals).
    /// Base64 is read as RFC 4648 §4 defines it: the standard alphabet (<c>A–Z a–z 0–9 + /</c>) in groups of four, the
    /// last padded with <c>=</c>. RFC 4648 §3.3 has decoders reject any other character, so spaces, line breaks, the
    /// URL-safe alphabet (§5) and unpadded text are not base64. The empty string is zero bytes.
    /// </remarks>
    public static bool TryParse(string text, out byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[DecodedLength(text)];
        if (!TryDecode(text, buffer, out var written))
        {
            bytes = [];
            return false;
        }
        bytes = buffer[..written];
        return true;
    }

    private static int DecodedLength(ReadOnlySpan<char> text) => text.Length / 4 * 3;

    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length % 4 != 0)
        {
            return false;
        }
        var padding = text.EndsWith("==") ? 2 : text.EndsWith('=') ? 1 : 0;
        foreach (var c in text[..^padding])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/'))
            {
                return false;
            }
        }
        return Convert.TryFromBase64Chars(text, destination, out written);
    }

    private sealed class Matcher(byte[][] values) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            var length = DecodedLength(requestValue);
            byte[]? rented = null;
            Span<byte> buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
            try
            {
                if (!TryDecode(requestValue, buffer, out var written))
                {
                    return ValueMatch.Undecidable;
                }
                foreach (var value in values)
                {
                    if (buffer[..written].SequenceEqual(value))
                    {
                        return ValueMatch.Match;
                    }
                }
                return ValueMatch.NoMatch;
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }
        }
    }
}
