namespace PolicyEngine.Model;

/// <summary>Every condition operator AWS defines, without its qualifier or <c>IfExists</c> suffix.</summary>
public enum ConditionOperatorKind
{
    /// <summary>Exact, case-sensitive string match.</summary>
    StringEquals,

    /// <summary>Negated <see cref="StringEquals"/>.</summary>
    StringNotEquals,

    /// <summary>Exact match ignoring case.</summary>
    StringEqualsIgnoreCase,

    /// <summary>Negated <see cref="StringEqualsIgnoreCase"/>.</summary>
    StringNotEqualsIgnoreCase,

    /// <summary>Case-sensitive match with <c>*</c> and <c>?</c>.</summary>
    StringLike,

    /// <summary>Negated <see cref="StringLike"/>.</summary>
    StringNotLike,

    /// <summary>Numbers equal.</summary>
    NumericEquals,

    /// <summary>Numbers differ.</summary>
    NumericNotEquals,

    /// <summary>Request value below the policy's.</summary>
    NumericLessThan,

    /// <summary>Request value at most the policy's.</summary>
    NumericLessThanEquals,

    /// <summary>Request value above the policy's.</summary>
    NumericGreaterThan,

    /// <summary>Request value at least the policy's.</summary>
    NumericGreaterThanEquals,

    /// <summary>Same instant.</summary>
    DateEquals,

    /// <summary>Different instant.</summary>
    DateNotEquals,

    /// <summary>Request instant before the policy's.</summary>
    DateLessThan,

    /// <summary>Request instant at or before the policy's.</summary>
    DateLessThanEquals,

    /// <summary>Request instant after the policy's.</summary>
    DateGreaterThan,

    /// <summary>Request instant at or after the policy's.</summary>
    DateGreaterThanEquals,

    /// <summary>Boolean match, <c>true</c> or <c>false</c> ignoring case.</summary>
    Bool,

    /// <summary>Byte-for-byte match of base64-encoded values.</summary>
    BinaryEquals,

    /// <summary>Address within a CIDR range (IPv4 or IPv6).</summary>
    IpAddress,

    /// <summary>Address outside every listed range.</summary>
    NotIpAddress,

    /// <summary>ARN match, component by component, with wildcards (same as <see cref="ArnLike"/>).</summary>
    ArnEquals,

    /// <summary>ARN match, component by component, with wildcards.</summary>
    ArnLike,

    /// <summary>Negated <see cref="ArnEquals"/>.</summary>
    ArnNotEquals,

    /// <summary>Negated <see cref="ArnLike"/>.</summary>
    ArnNotLike,

    /// <summary>Whether the key is absent (<c>true</c>) or present (<c>false</c>).</summary>
    Null,
}
