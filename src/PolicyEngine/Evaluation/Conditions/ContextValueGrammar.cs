namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// The grammars the condition operators read request values with, for callers that check a typed context value before
/// they ask (simulate-custom-policy's <c>ContextKeyType</c>): a value refused here is one the operators could never read.
/// Each answer is the operator family's own <c>TryParse</c>, so there is one owner of each grammar.
/// </summary>
public static class ContextValueGrammar
{
    /// <summary>Whether the Numeric operators read <paramref name="text"/> (digits with an optional sign and point; no exponent).</summary>
    public static bool IsNumber(string text) => NumericOperators.TryParse(text, out _);

    /// <summary>Whether the Date operators read <paramref name="text"/> (a W3C date or time, or epoch seconds).</summary>
    public static bool IsDate(string text) => DateOperators.TryParse(text, out _);

    /// <summary>Whether the IpAddress operators read <paramref name="text"/> (an IPv4 or IPv6 address or CIDR range).</summary>
    public static bool IsIpAddress(string text) => IpAddressOperators.TryParse(text, out _, out _);

    /// <summary>Whether BinaryEquals reads <paramref name="text"/> (padded base64).</summary>
    public static bool IsBase64(string text) => BinaryOperator.TryParse(text, out _);

    /// <summary>Whether Bool reads <paramref name="text"/> as a constant: <c>true</c> or <c>false</c> in any case.</summary>
    public static bool IsBoolean(string text) => BoolOperator.TryParse(text, policyVariables: false, out _);
}
