using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using PolicyEngine.Catalog;

namespace PolicyEngine.Validation;

/// <summary>
/// Every action of a catalogue by full name, built once per catalogue: validation looks up tens of thousands of
/// names for a large policy set, and one hash lookup is several times cheaper than prefix, service and binary search.
/// </summary>
internal sealed class CatalogIndex
{
    private static readonly ConditionalWeakTable<ActionCatalog, CatalogIndex> Indexes = [];

    private readonly FrozenDictionary<string, ActionInfo> _actions;

    private CatalogIndex(ActionCatalog catalog)
        => _actions = catalog.Services
            .SelectMany(static s => s.Actions)
            .DistinctBy(static a => a.FullName, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(static a => a.FullName, StringComparer.OrdinalIgnoreCase);

    public static CatalogIndex For(ActionCatalog catalog) => Indexes.GetValue(catalog, static c => new CatalogIndex(c));

    /// <summary>Finds an action by its full name, ignoring case, as <see cref="ActionCatalog.TryGetAction"/> does.</summary>
    public bool TryGetAction(string fullName, out ActionInfo? action) => _actions.TryGetValue(fullName, out action);
}
