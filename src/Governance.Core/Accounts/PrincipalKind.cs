namespace Governance.Core.Accounts;

/// <summary>The kinds of IAM principal a snapshot holds.</summary>
public enum PrincipalKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM role (a request made by it is a session of it).</summary>
    Role,
}
