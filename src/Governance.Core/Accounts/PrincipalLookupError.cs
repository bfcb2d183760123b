using System.Collections.Immutable;

namespace Governance.Core.Accounts;

/// <summary>Why a principal name did not resolve, with the names the user may have meant.</summary>
/// <param name="Message">What went wrong, naming the input.</param>
/// <param name="Candidates">The closest or the ambiguous matches, as ARNs.</param>
/// <param name="Failure">Which kind of failure it is.</param>
public sealed record PrincipalLookupError(string Message, ImmutableArray<string> Candidates, PrincipalLookupFailure Failure = PrincipalLookupFailure.NotFound)
{
    /// <inheritdoc />
    public override string ToString()
        => Candidates.IsEmpty ? Message : $"{Message}; did you mean: {string.Join(", ", Candidates)}";
}
