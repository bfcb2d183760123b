namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// A clause's policy values, pre-parsed for one operator family, tested against one request value at a time.
/// </summary>
/// <remarks>Implementations are immutable, thread-safe and allocate nothing in <see cref="Match"/>.</remarks>
internal abstract class ValueMatcher
{
    /// <summary>Compares <paramref name="requestValue"/> with the policy values under the operator's positive form (OR over values).</summary>
    /// <param name="requestValue">One value of the clause's key in the request.</param>
    /// <param name="context">The request, for policy variables in the policy values.</param>
    /// <param name="missingVariableKey">Set to the key of a policy variable with no value, when one is met; left alone otherwise.</param>
    public abstract ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey);
}
