namespace PolicyEngine.Evaluation.Conditions;

/// <summary>How one request value compares with a clause's policy values under the positive form of the operator.</summary>
internal enum ValueMatch
{
    /// <summary>No policy value matches.</summary>
    NoMatch,

    /// <summary>At least one policy value matches.</summary>
    Match,

    /// <summary>
    /// Nothing matched and the comparison could not be made: the request value is not of the operator's type
    /// (not a number, date, address, boolean or ARN), or a policy value's variable is unresolved.
    /// Neither the operator nor its negation holds.
    /// </summary>
    Undecidable,
}
