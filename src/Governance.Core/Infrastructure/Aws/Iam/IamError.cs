namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>An IAM call that failed, as a value: what AWS said and the request id to quote to AWS support.</summary>
/// <param name="Kind">The kind, which decides what the caller does.</param>
/// <param name="Code">AWS's error code (<c>NoSuchEntity</c>, …) or, when AWS was not reached, a code of ours.</param>
/// <param name="Message">AWS's message, or ours.</param>
/// <param name="Action">The IAM action called.</param>
/// <param name="RequestId">AWS's request id, when a response arrived.</param>
/// <param name="HttpStatus">The HTTP status, when a response arrived.</param>
public sealed record IamError(IamErrorKind Kind, string Code, string Message, string Action, string? RequestId = null, int? HttpStatus = null)
{
    /// <summary>One line for a person: action, code, status, message and request id.</summary>
    public string Describe()
    {
        var status = HttpStatus is { } s ? $" (HTTP {s})" : "";
        var id = RequestId is { } r ? $"; request id {r}" : "";
        return $"IAM {Action} failed: {Code}{status}: {Message}{id}";
    }

    /// <summary>The kind for an AWS error code.</summary>
    public static IamErrorKind KindOf(string code) => code switch
    {
        "AccessDenied" or "AccessDeniedException" or "InvalidClientTokenId" or "SignatureDoesNotMatch"
            or "ExpiredToken" or "UnrecognizedClientException" => IamErrorKind.AccessDenied,
        "NoSuchEntity" => IamErrorKind.NoSuchEntity,
        "MalformedPolicyDocument" => IamErrorKind.MalformedPolicyDocument,
        "LimitExceeded" => IamErrorKind.LimitExceeded,
        _ when AwsRetryPolicy.IsThrottling(code) => IamErrorKind.Throttled,
        _ => IamErrorKind.Other,
    };
}
