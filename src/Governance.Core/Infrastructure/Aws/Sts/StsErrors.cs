using System.Net;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Governance.Core.Results;

namespace Governance.Core.Infrastructure.Aws.Sts;

/// <summary>Turns STS's refusals of <c>AssumeRole</c> into errors that say what happened and what to do.</summary>
/// <remarks>The codes are those the STS API reference lists for <c>AssumeRole</c>, plus the common
/// <c>AccessDenied</c> and throttling errors. STS's own message is kept: it names the identity and role concerned.</remarks>
internal static class StsErrors
{
    public static GovernanceError From(AmazonServiceException e, string roleArn)
    {
        var message = e.Message?.Trim() is { Length: > 0 } m ? m : e.ErrorCode ?? "no message";
        return e switch
        {
            MalformedPolicyDocumentException => Upstream(ProblemCodes.StsMalformedPolicy,
                $"STS refused the grant's policy as a session policy: {message}"),
            PackedPolicyTooLargeException => Upstream(ProblemCodes.StsPackedPolicyTooLarge,
                $"the grant's policy is too large for an STS session once packed: {message}; split the request into smaller grants"),
            RegionDisabledException => Upstream(ProblemCodes.StsRegionDisabled,
                $"STS is not activated in the service's region for this account: {message}; activate the region or set AWS_REGION to another"),
            ExpiredTokenException => Upstream(ProblemCodes.StsExpiredToken,
                $"the service's own AWS credentials have expired: {message}"),
            _ when e.ErrorCode == "AccessDenied" => Upstream(ProblemCodes.StsAccessDenied,
                $"STS denied the service's AWS identity sts:AssumeRole with a source identity on `{roleArn}`: {message}; "
                + "the role's trust policy must allow sts:AssumeRole and sts:SetSourceIdentity to the service's identity"),
            _ when IsThrottling(e) => new GovernanceError(GovernanceErrorKind.Unavailable, ProblemCodes.StsThrottled,
                $"STS is throttling the service's requests ({e.ErrorCode}: {message}); try again in a minute"),
            _ => Upstream(ProblemCodes.StsError,
                $"STS refused AssumeRole with {e.ErrorCode ?? "an error"} (HTTP {(int)e.StatusCode}): {message}"),
        };
    }

    private static bool IsThrottling(AmazonServiceException e)
        => e.ErrorCode is "Throttling" or "ThrottlingException" or "RequestLimitExceeded" || e.StatusCode == HttpStatusCode.TooManyRequests;

    private static GovernanceError Upstream(string code, string detail) => new(GovernanceErrorKind.UpstreamFailed, code, detail);
}
