namespace PolicyEngine.Model;

/// <summary>How a condition compares a multi-valued request key with the policy's values.</summary>
public enum SetQualifier
{
    /// <summary>No qualifier: the key is treated as single-valued.</summary>
    None,

    /// <summary><c>ForAllValues:</c> every request value must match; true when the key is absent or empty.</summary>
    ForAllValues,

    /// <summary><c>ForAnyValue:</c> at least one request value must match; false when the key is absent or empty.</summary>
    ForAnyValue,
}
