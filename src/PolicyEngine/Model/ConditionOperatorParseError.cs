namespace PolicyEngine.Model;

/// <summary>Why a condition operator name could not be read.</summary>
public enum ConditionOperatorParseError
{
    /// <summary>It could.</summary>
    None,

    /// <summary>The part before the colon is not ForAllValues or ForAnyValue.</summary>
    UnknownQualifier,

    /// <summary>The operator itself is not one AWS defines.</summary>
    UnknownOperator,
}
