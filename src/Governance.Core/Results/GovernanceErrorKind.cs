namespace Governance.Core.Results;

/// <summary>The kind of a domain error; the API maps each kind to one HTTP status.</summary>
public enum GovernanceErrorKind
{
    /// <summary>The input is invalid; <see cref="GovernanceError.Fields"/> names the fields.</summary>
    Validation,

    /// <summary>The thing named does not exist, or the caller may not know that it does.</summary>
    NotFound,

    /// <summary>The caller is known but may not do this.</summary>
    Forbidden,

    /// <summary>The thing is not in a state that allows this, or someone else changed it first.</summary>
    Conflict,

    /// <summary>The grant could not be applied to the account; nothing was recorded.</summary>
    ProvisioningFailed,

    /// <summary>The service cannot do this now: it is not configured for it, or a service it depends on is busy or out of reach.</summary>
    Unavailable,

    /// <summary>A service this one depends on (such as AWS STS) refused the call.</summary>
    UpstreamFailed,

    /// <summary>The input is well formed but would change nothing.</summary>
    Unprocessable,

    /// <summary>The operation needs a precondition the caller did not give, such as the version of what it decides on.</summary>
    PreconditionRequired,

    /// <summary>The caller reached a limit; <see cref="GovernanceError.RetryAfter"/> says when to try again.</summary>
    TooManyRequests,

    /// <summary>The request's body is larger than the endpoint takes.</summary>
    PayloadTooLarge,
}
