using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Governance.Core.Exclusions;

/// <summary>An exclusions file read: its entries, or every problem in it (never both).</summary>
/// <param name="Set">The entries; null when there is a problem.</param>
/// <param name="Problems">Every problem, by position; empty when <see cref="Set"/> is given.</param>
public sealed record ExclusionsReadResult(ExclusionSet? Set, ImmutableArray<ExclusionProblem> Problems)
{
    /// <summary>Whether the file could be used.</summary>
    [MemberNotNullWhen(true, nameof(Set))]
    public bool Success => Set is not null;
}
