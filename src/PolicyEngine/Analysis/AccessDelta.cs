using System.Collections.Immutable;

namespace PolicyEngine.Analysis;

/// <summary>What a change of policies does to a principal's access, decided action by action and pattern by pattern.</summary>
/// <param name="Changes">Every difference, sorted by action then resource.</param>
public sealed record AccessDelta(ImmutableArray<AccessChange> Changes)
{
    /// <summary>Access the second state has and the first lacks.</summary>
    public IEnumerable<AccessChange> Added => Changes.Where(static c => c.Kind == AccessChangeKind.Added);

    /// <summary>Access the first state has and the second lacks.</summary>
    public IEnumerable<AccessChange> Removed => Changes.Where(static c => c.Kind == AccessChangeKind.Removed);

    /// <summary>True when the two states decide every compared request alike.</summary>
    public bool IsEmpty => Changes.IsEmpty;
}
