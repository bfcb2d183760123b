using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>
/// One operator–key pair of a Condition block, with its values. A statement's clauses all must hold;
/// the values of one clause are alternatives (any may match).
/// </summary>
/// <param name="Operator">The operator, qualifier and IfExists form.</param>
/// <param name="OperatorName">The operator as written, for messages.</param>
/// <param name="Key">The condition key as written; keys compare case-insensitively.</param>
/// <param name="Values">The policy's values, as strings.</param>
/// <param name="Location">Where the key stands.</param>
public sealed record ConditionClause(
    ConditionOperator Operator,
    string OperatorName,
    string Key,
    ImmutableArray<LocatedString> Values,
    SourceLocation Location);
