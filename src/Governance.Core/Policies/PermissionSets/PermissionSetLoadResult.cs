using System.Collections.Immutable;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>The permission sets read from a folder, and every problem found in it.</summary>
/// <param name="Catalog">The sets that are valid.</param>
/// <param name="Errors">Every problem, by file; the service refuses to start when there is any.</param>
public sealed record PermissionSetLoadResult(PermissionSetCatalog Catalog, ImmutableArray<PolicyFileError> Errors)
{
    /// <summary>True when every file was valid.</summary>
    public bool Success => Errors.IsEmpty;
}
