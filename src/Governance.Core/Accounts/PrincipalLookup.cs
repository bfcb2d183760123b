namespace Governance.Core.Accounts;

/// <summary>The outcome of naming a principal: the principal, or why the name did not resolve.</summary>
/// <param name="Principal">The principal, on success.</param>
/// <param name="Error">The error, on failure.</param>
public sealed record PrincipalLookup(ResolvedPrincipal? Principal, PrincipalLookupError? Error)
{
    /// <summary>True when the name resolved to exactly one principal.</summary>
    public bool Success => Principal is not null;
}
