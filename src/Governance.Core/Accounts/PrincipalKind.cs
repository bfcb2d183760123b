namespace Governance.Core.Accounts;

/// <summary>The kinds of IAM principal a snapshot holds.</summary>
public enum PrincipalKind
{
    /// <summary>An IAM user.</summary>
    User,

    /// <summary>An IAM role (a request made by it is a session of it).</summary>
    Role,

    /// <summary>
    /// An account named as a whole (<c>arn:aws:iam::ID:root</c>): stands for any principal of the account. Only an account
    /// whose IAM the snapshot does not hold is asked about this way, as an outside principal whose own policies are unknown.
    /// </summary>
    Account,
}
