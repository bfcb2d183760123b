namespace Governance.Core.Results;

/// <summary>
/// Every <see cref="GovernanceError.Code"/> the service gives, and so every problem <c>code</c> (and <c>type</c>,
/// <c>urn:iamgov:problem:CODE</c>) the API answers with: one constant per refusal, spelled nowhere else.
/// </summary>
/// <remarks>
/// The codes are stable: clients branch on them. The list lives beside <see cref="GovernanceError"/> rather than in the
/// API, because the domain services and the AWS adapters choose most of them; the API adds <see cref="RoleRequired"/>,
/// <see cref="TokenSubjectInvalid"/>, <see cref="PrincipalNotFound"/> and <see cref="ReportNotFound"/>. The status each gives follows from its <see cref="GovernanceErrorKind"/>, named here.
/// </remarks>
public static class ProblemCodes
{
    /// <summary>400: the input is invalid; the problem's <c>errors</c> name each field and what is wrong with it.</summary>
    public const string ValidationFailed = "validation-failed";

    /// <summary>
    /// 400: the query names a parameter the endpoint does not take (a misspelt filter would otherwise be ignored); the
    /// problem's <c>parameters</c> and <c>errors</c> name each, with the nearest known name.
    /// </summary>
    public const string UnknownQueryParameter = "unknown-query-parameter";

    /// <summary>400: a parameter that takes one value (<c>page</c>, a filter) is given more than once; <c>parameters</c> names it.</summary>
    public const string RepeatedQueryParameter = "repeated-query-parameter";

    /// <summary>
    /// 401: the token is validly signed, but its <c>sub</c> cannot name an actor (missing, empty, too long, with a control
    /// character, or imitating the service's own <c>system:</c> actor; see <c>Identity.ActorIdRule</c>).
    /// </summary>
    public const string TokenSubjectInvalid = "token-subject-invalid";

    /// <summary>401: the request carries no bearer token (no <c>Authorization: Bearer …</c> header, or an empty one).</summary>
    public const string TokenMissing = "token-missing";

    /// <summary>401: the token's <c>exp</c> has passed (beyond the allowed clock skew); mint or fetch a new one.</summary>
    public const string TokenExpired = "token-expired";

    /// <summary>401: the token's <c>nbf</c> is still ahead (beyond the allowed clock skew): a clock is wrong.</summary>
    public const string TokenNotYetValid = "token-not-yet-valid";

    /// <summary>401: the token's <c>iss</c> is not the issuer this service accepts.</summary>
    public const string TokenIssuerInvalid = "token-issuer-invalid";

    /// <summary>401: the token's <c>aud</c> does not name this service.</summary>
    public const string TokenAudienceInvalid = "token-audience-invalid";

    /// <summary>
    /// 401: the signature does not verify with any key this service holds: signed with another key (on the embedded
    /// default, another data folder's <c>signing-key.json</c>), or altered after signing.
    /// </summary>
    public const string TokenSignatureInvalid = "token-signature-invalid";

    /// <summary>401: the token is signed with an algorithm this service does not accept (or not signed: <c>alg: none</c>).</summary>
    public const string TokenAlgorithmInvalid = "token-algorithm-invalid";

    /// <summary>401: the bearer value is not a JWT (three base64url parts of JSON).</summary>
    public const string TokenMalformed = "token-malformed";

    /// <summary>401: the token was refused for another reason, named in the problem's <c>detail</c>.</summary>
    public const string TokenInvalid = "token-invalid";

    /// <summary>403: the token is valid, but the endpoint needs a role it does not carry.</summary>
    public const string RoleRequired = "role-required";

    /// <summary>404: no principal of the account has the name asked about; <c>candidates</c> lists the closest.</summary>
    public const string PrincipalNotFound = "principal-not-found";

    /// <summary>404: no access request has the id, or the caller may not see it.</summary>
    public const string RequestNotFound = "request-not-found";

    /// <summary>403: the caller's roles may not request the permission set.</summary>
    public const string RoleMayNotRequest = "role-may-not-request";

    /// <summary>403: the caller requested the access they are deciding on; a requester never decides their own request.</summary>
    public const string SelfDecision = "self-decision";

    /// <summary>403: an engineer lists only their own requests and grants; the <c>requester</c> filter names someone else.</summary>
    public const string OtherRequesterListed = "other-requester-listed";

    /// <summary>403: only the request's requester, or an admin, cancels a request.</summary>
    public const string NotRequester = "not-requester";

    /// <summary>409: the request is no longer pending, so it takes no decision.</summary>
    public const string RequestNotPending = "request-not-pending";

    /// <summary>409: the approver has approved this request already; another approver must decide.</summary>
    public const string AlreadyApproved = "already-approved";

    /// <summary>409: someone else changed the request between its read and this decision.</summary>
    public const string ConcurrentDecision = "concurrent-decision";

    /// <summary>500: the approved grant could not be applied to the account, so nothing was recorded.</summary>
    public const string ProvisioningFailed = "provisioning-failed";

    /// <summary>404: no grant has the id, or the caller may not see it.</summary>
    public const string GrantNotFound = "grant-not-found";

    /// <summary>409: the grant is not active (expired or revoked).</summary>
    public const string GrantNotActive = "grant-not-active";

    /// <summary>409: someone else changed the grant between its read and this change.</summary>
    public const string ConcurrentChange = "concurrent-change";

    /// <summary>500: the grant's policy could not be removed from the account.</summary>
    public const string RevocationFailed = "revocation-failed";

    /// <summary>403: only the grant's requester gets credentials for it.</summary>
    public const string NotGrantRequester = "not-grant-requester";

    /// <summary>409: the grant has ended; credentials are issued only before its end.</summary>
    public const string GrantExpired = "grant-expired";

    /// <summary>409: the requester's id cannot be an STS source identity.</summary>
    public const string SourceIdentityInvalid = "source-identity-invalid";

    /// <summary>409: the grant's policy is longer than STS takes as a session policy.</summary>
    public const string SessionPolicyTooLarge = "session-policy-too-large";

    /// <summary>503: credential vending is off; the detail names the setting that turns it on.</summary>
    public const string AwsNotConfigured = "aws-not-configured";

    /// <summary>503: the service has no AWS region or credentials to call STS with.</summary>
    public const string AwsNotReady = "aws-not-ready";

    /// <summary>503: STS could not be reached, or did not answer in time.</summary>
    public const string StsUnreachable = "sts-unreachable";

    /// <summary>503: STS is throttling the service's calls.</summary>
    public const string StsThrottled = "sts-throttled";

    /// <summary>502: STS denied the service's identity <c>sts:AssumeRole</c> on the target role.</summary>
    public const string StsAccessDenied = "sts-access-denied";

    /// <summary>502: STS refused the grant's policy as a session policy.</summary>
    public const string StsMalformedPolicy = "sts-malformed-policy";

    /// <summary>502: the grant's policy is too large for an STS session once packed.</summary>
    public const string StsPackedPolicyTooLarge = "sts-packed-policy-too-large";

    /// <summary>502: STS is not activated in the service's region for the account.</summary>
    public const string StsRegionDisabled = "sts-region-disabled";

    /// <summary>502: the service's own AWS credentials have expired.</summary>
    public const string StsExpiredToken = "sts-expired-token";

    /// <summary>502: STS answered <c>AssumeRole</c> without complete credentials.</summary>
    public const string StsIncompleteResponse = "sts-incomplete-response";

    /// <summary>502: STS refused <c>AssumeRole</c> with any other error; the detail carries STS's code and message.</summary>
    public const string StsError = "sts-error";

    /// <summary>409: the request's permission set or target role no longer exists, so it cannot be previewed or approved.</summary>
    public const string PreviewUnavailable = "preview-unavailable";

    /// <summary>
    /// 409: the preview changed since the version the approval was given on; the problem carries the new preview, its
    /// <c>previewVersion</c> and <c>approvalsRequired</c>, to be read and approved again.
    /// </summary>
    public const string PreviewChanged = "preview-changed";

    /// <summary>428: an approval must name the preview version it was given on (<c>If-Match</c>, or <c>previewVersion</c> in the body).</summary>
    public const string PreviewVersionRequired = "preview-version-required";

    /// <summary>422: the request would add nothing the role could use; the detail says why (it has it, or a boundary, SCP or resource policy denies it).</summary>
    public const string RequestAddsNothing = "request-adds-nothing";

    /// <summary>429: the requester reached a limit of <c>Governance:Requests:Limits</c>; <c>Retry-After</c> says when to try again.</summary>
    public const string RequesterLimitReached = "requester-limit-reached";

    /// <summary>
    /// 503: the database did not answer (it restarted, went away or is busy); <c>Retry-After</c> says when to try again.
    /// A write may or may not have been recorded: read before retrying it.
    /// </summary>
    public const string DatabaseUnavailable = "database-unavailable";

    /// <summary>409: the audit chain after the last signed checkpoint does not verify, so no checkpoint is signed over it.</summary>
    public const string AuditChainBroken = "audit-chain-broken";

    /// <summary>404: no drift report has the id.</summary>
    public const string ReportNotFound = "report-not-found";

    /// <summary>409: a drift audit is running in this process; its report is listed when it ends.</summary>
    public const string DriftAuditRunning = "drift-audit-running";

    /// <summary>
    /// 429: the caller sent more requests than <c>Governance:RateLimits</c> allows (per token subject, or per client address
    /// before authentication); <c>Retry-After</c> says when to try again. An HTTP-level protection, apart from <see cref="RequesterLimitReached"/>.
    /// </summary>
    public const string RateLimited = "rate-limited";

    /// <summary>413: the request's body is larger than the endpoint takes; <c>limitBytes</c> says how large it may be.</summary>
    public const string BodyTooLarge = "body-too-large";
}
