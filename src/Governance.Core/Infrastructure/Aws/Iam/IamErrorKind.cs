namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>What went wrong with an IAM call, in the kinds a caller handles differently.</summary>
public enum IamErrorKind
{
    /// <summary>The credentials may not do this (<c>AccessDenied</c>, 403), or they are not valid.</summary>
    AccessDenied,

    /// <summary>The role, user or policy named does not exist (<c>NoSuchEntity</c>, 404).</summary>
    NoSuchEntity,

    /// <summary>IAM refused the policy document (<c>MalformedPolicyDocument</c>, 400).</summary>
    MalformedPolicyDocument,

    /// <summary>An IAM quota would be exceeded (<c>LimitExceeded</c>, 409), e.g. the role's inline policy size.</summary>
    LimitExceeded,

    /// <summary>IAM kept throttling the calls after every retry.</summary>
    Throttled,

    /// <summary>IAM kept failing (5xx) or could not be reached after every retry.</summary>
    Unavailable,

    /// <summary>No credentials, or no endpoint, so no call was made.</summary>
    NotConfigured,

    /// <summary>Any other error; <see cref="IamError.Code"/> has AWS's code.</summary>
    Other,
}
