using PolicyEngine.Matching;

namespace PolicyEngine.Evaluation;

/// <summary>A statement whose action must still be tested, with just the patterns that can match the service.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="NamePatterns">Its patterns for the request's service, the part after <c>:</c>; null when it has none.</param>
/// <param name="FullPatterns">Its patterns with a wildcard service prefix, matched against the whole action.</param>
internal readonly record struct TentativeEntry(CompiledStatement Statement, string[]? NamePatterns, string[] FullPatterns)
{
    public bool ActionMatches(AuthorizationRequest request)
        => ActionMatcher.Listed(NamePatterns, FullPatterns, request.ActionName, request.Action) != Statement.Action.IsNot;
}
