namespace PolicyEngine.Evaluation.Conditions;

/// <summary>How a request value must stand to a policy value; the Not… operators are the negation of <see cref="Equal"/>.</summary>
internal enum ValueOrdering
{
    /// <summary>Equal (…Equals, and …NotEquals before negation).</summary>
    Equal,

    /// <summary>Less than.</summary>
    LessThan,

    /// <summary>Less than or equal.</summary>
    LessThanEquals,

    /// <summary>Greater than.</summary>
    GreaterThan,

    /// <summary>Greater than or equal.</summary>
    GreaterThanEquals,
}
