using System.Collections.Immutable;

namespace Governance.Core.Accounts.Organization;

/// <summary>An organisation snapshot, or every reason it could not be read; and the warnings either way.</summary>
/// <param name="Snapshot">The snapshot, when there were no errors.</param>
/// <param name="Errors">Problems that prevent reading the snapshot; empty on success.</param>
/// <param name="Warnings">
/// Problems the snapshot was read despite: a policy document that does not parse (kept, and marked), an account whose
/// files are missing, a single account's snapshot whose resource policies are unknown.
/// </param>
public sealed record OrganizationReadResult(
    OrganizationSnapshot? Snapshot,
    ImmutableArray<OrganizationReadProblem> Errors,
    ImmutableArray<OrganizationReadProblem> Warnings)
{
    /// <summary>True when the snapshot was read without error.</summary>
    public bool Success => Snapshot is not null && Errors.IsEmpty;
}
