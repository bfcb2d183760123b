namespace Governance.Core.Accounts.Questions;

/// <summary>What kind of principal can act as a role.</summary>
public enum AssumerKind
{
    /// <summary>An IAM role (of any account), directly or through a chain of roles.</summary>
    Role,

    /// <summary>An IAM user.</summary>
    User,

    /// <summary>Any principal of an account whose IAM the snapshot does not hold, the trust policy naming the account as a whole.</summary>
    Account,

    /// <summary>An AWS service principal, such as <c>glue.amazonaws.com</c>.</summary>
    Service,

    /// <summary>Anyone: the trust policy allows <c>Principal: *</c> (within its conditions).</summary>
    Anyone,

    /// <summary>The identities of a SAML or OIDC provider (<c>sts:AssumeRoleWithSAML</c>, <c>sts:AssumeRoleWithWebIdentity</c>).</summary>
    Federated,
}
