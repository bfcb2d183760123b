namespace Governance.Core.Accounts;

/// <summary>One version of a managed policy.</summary>
/// <param name="VersionId">Such as <c>v3</c>.</param>
/// <param name="IsDefaultVersion">True for the version IAM evaluates.</param>
/// <param name="Document">The document's JSON text, decoded when IAM gave it URL-encoded.</param>
public sealed record ManagedPolicyVersion(string VersionId, bool IsDefaultVersion, string Document);
