namespace Governance.Api.Endpoints;

/// <summary>
/// The order a list endpoint answers in, stated once on its handler: the OpenAPI document shows it in the operation's
/// description (<see cref="ListOrderDescriptions"/>) and the README's table repeats it, checked by a test.
/// </summary>
/// <param name="order">The order, as a sentence fragment with its tie-breaker (<c>newest created first; ties by id, descending</c>).</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ListOrderAttribute(string order) : Attribute
{
    /// <summary>The order.</summary>
    public string Order { get; } = order;
}
