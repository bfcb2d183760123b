namespace Governance.Core.Accounts.Organization;

/// <summary>What an organisation policy is attached to: one level of the hierarchy.</summary>
public enum PolicyTargetType
{
    /// <summary>The organisation root (<c>ROOT</c>).</summary>
    Root,

    /// <summary>An organisational unit (<c>ORGANIZATIONAL_UNIT</c>).</summary>
    OrganizationalUnit,

    /// <summary>A member account (<c>ACCOUNT</c>).</summary>
    Account,
}
