namespace PolicyEngine.Evaluation.Conditions;

/// <summary>How one request value compares with a clause's policy values under the positive form of the operator.</summary>
internal enum ValueMatch
{
    /// <summary>
    /// No policy value matches. A policy value whose variable has no value is here too: it is "effectively null" and
    /// "there is no equal or like value", so it matches no request value and a negated operator holds against it
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html#policy-vars-no-value).
    /// </summary>
    NoMatch,

    /// <summary>At least one policy value matches.</summary>
    Match,

    /// <summary>
    /// Nothing matched and the comparison could not be made: the request value is not of the operator's type
    /// (not a number, date, address, boolean or ARN). Neither the operator nor its negation holds.
    /// </summary>
    Undecidable,
}
