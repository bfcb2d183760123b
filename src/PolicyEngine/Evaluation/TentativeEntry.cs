using PolicyEngine.Matching;

namespace PolicyEngine.Evaluation;

/// <summary>A statement whose action must still be tested, with just the patterns that can match.</summary>
/// <param name="Statement">The statement.</param>
/// <param name="NamePatterns">
/// Its wildcard patterns for the request's service, the part after <c>:</c>. Exact names need no test: an action that a
/// statement lists literally has a resolved slot of its own.
/// </param>
/// <param name="FullPatterns">Its patterns with a wildcard service prefix, matched against the whole action.</param>
internal readonly record struct TentativeEntry(CompiledStatement Statement, string[] NamePatterns, string[] FullPatterns)
{
    public bool ActionMatches(AuthorizationRequest request)
        => (ActionMatcher.ListedByName(NamePatterns, request.ActionName) || ActionMatcher.ListedGlobally(FullPatterns, request.Action))
           != Statement.Action.IsNot;
}
