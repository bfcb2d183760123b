using System.Diagnostics.CodeAnalysis;

namespace PolicyEngine.Catalog;

/// <summary>The value type of a condition key, as AWS's service authorization reference gives it.</summary>
/// <remarks>
/// The numeric values are the codes in the embedded catalogue; keep them in step with
/// <c>tools/catalog/generate.mjs</c>, which refuses a type it does not know.
/// </remarks>
public enum ConditionKeyType
{
    /// <summary>A single string.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "AWS names the condition type String.")]
    String = 0,

    /// <summary>A set of strings, used with <c>ForAnyValue</c> or <c>ForAllValues</c>.</summary>
    ArrayOfString = 1,

    /// <summary>A single ARN.</summary>
    Arn = 2,

    /// <summary>A set of ARNs.</summary>
    ArrayOfArn = 3,

    /// <summary>A single number.</summary>
    Numeric = 4,

    /// <summary>A set of numbers.</summary>
    ArrayOfNumeric = 5,

    /// <summary>A single date and time.</summary>
    Date = 6,

    /// <summary>A set of dates and times.</summary>
    ArrayOfDate = 7,

    /// <summary>A single boolean, <c>true</c> or <c>false</c>.</summary>
    Bool = 8,

    /// <summary>A set of booleans.</summary>
    ArrayOfBool = 9,

    /// <summary>A single IPv4 or IPv6 address or CIDR range.</summary>
    IPAddress = 10,

    /// <summary>A set of IP addresses.</summary>
    ArrayOfIPAddress = 11,

    /// <summary>A single base64-encoded binary value.</summary>
    Binary = 12,

    /// <summary>A set of binary values.</summary>
    ArrayOfBinary = 13,
}
