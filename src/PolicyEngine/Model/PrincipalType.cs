namespace PolicyEngine.Model;

/// <summary>The kinds of principal a Principal element can name.</summary>
public enum PrincipalType
{
    /// <summary>An account, user, role, assumed-role session or <c>*</c>.</summary>
    Aws,

    /// <summary>An AWS service, such as <c>lambda.amazonaws.com</c>.</summary>
    Service,

    /// <summary>A web identity or SAML provider.</summary>
    Federated,

    /// <summary>An S3 canonical user id.</summary>
    CanonicalUser,
}
