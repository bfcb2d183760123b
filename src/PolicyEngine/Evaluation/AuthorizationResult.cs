using System.Collections.Immutable;
using PolicyEngine.Explain;

namespace PolicyEngine.Evaluation;

/// <summary>A decision with the statements that made it and the explanation of every other statement.</summary>
/// <param name="Decision">Allow, ExplicitDeny or ImplicitDeny.</param>
/// <param name="DecidingStatements">
/// For ExplicitDeny, every Deny statement that applies; for Allow, the Allow statements that grant (identity or
/// resource policy); empty for ImplicitDeny, as in AWS's simulator.
/// </param>
/// <param name="Explanation">Why: the rule applied, each statement's outcome, and missing context keys.</param>
public sealed record AuthorizationResult(Decision Decision, ImmutableArray<StatementRef> DecidingStatements, Explanation Explanation);
