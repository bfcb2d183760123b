using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Explain;

/// <summary>Why a request got its decision: the rule that settled it and what every statement did.</summary>
/// <param name="Reason">The rule of AWS's evaluation logic that settled the decision.</param>
/// <param name="Level">For <see cref="DecisionReason.ServiceControlPolicyDoesNotAllow"/>: the first SCP level that allows nothing, from 0 at the root.</param>
/// <param name="Statements">Every statement of every policy, in policy-set order, with what it did.</param>
/// <param name="MissingContextKeys">
/// Condition keys (and policy-variable keys) that statements covering the action and resource needed but the request
/// lacked, like AWS's <c>MissingContextValues</c>; distinct, in first-seen order.
/// </param>
public sealed record Explanation(
    DecisionReason Reason,
    int? Level,
    ImmutableArray<StatementOutcome> Statements,
    ImmutableArray<string> MissingContextKeys);
