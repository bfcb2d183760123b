namespace Governance.Core.Accounts.Organization;

/// <summary>A policy document's JSON text as the snapshot holds it, and whether it can be read as a policy.</summary>
/// <remarks>
/// A document that does not parse is kept rather than dropped: answers that depend on it must say so instead of
/// acting as if the policy were absent.
/// </remarks>
/// <param name="Text">The document's JSON text.</param>
/// <param name="Problem">Why the text does not parse as a policy document, with its line; null when it does.</param>
public sealed record PolicyText(string Text, string? Problem = null)
{
    /// <summary>True when the text parses as a policy document.</summary>
    public bool Parses => Problem is null;
}
