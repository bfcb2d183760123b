using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace PolicyEngine.Explain;

/// <summary>What one statement did for a request.</summary>
/// <param name="Statement">Which statement.</param>
/// <param name="Effect">Its effect.</param>
/// <param name="Status">Whether it applied, else the first element that did not fit.</param>
/// <param name="FailedCondition">For <see cref="StatementStatus.ConditionNotMet"/>: the first condition that failed.</param>
public sealed record StatementOutcome(StatementRef Statement, Effect Effect, StatementStatus Status, ConditionFailure? FailedCondition = null);
