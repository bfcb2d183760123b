namespace Governance.Core.Accounts;

/// <summary>A tag on a user or role; tag keys compare case-insensitively in IAM, values case-sensitively.</summary>
/// <param name="Key">The tag key.</param>
/// <param name="Value">The tag value.</param>
public sealed record IamTag(string Key, string Value);
