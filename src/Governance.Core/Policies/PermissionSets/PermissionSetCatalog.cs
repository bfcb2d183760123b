using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>The permission sets that can be requested, by name.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class PermissionSetCatalog
{
    private readonly FrozenDictionary<string, PermissionSet> _byName;

    /// <summary>Creates a catalog; names must be unique.</summary>
    public PermissionSetCatalog(IEnumerable<PermissionSet> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        All = [.. sets.OrderBy(static s => s.Name, StringComparer.Ordinal)];
        _byName = All.ToFrozenDictionary(static s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>Every set, by name.</summary>
    public ImmutableArray<PermissionSet> All { get; }

    /// <summary>The set called <paramref name="name"/>, if any.</summary>
    public PermissionSet? Find(string name) => _byName.GetValueOrDefault(name);
}
