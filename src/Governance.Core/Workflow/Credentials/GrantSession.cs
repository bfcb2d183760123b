using System.Text.RegularExpressions;
using Governance.Core.Results;
using Governance.Core.Workflow.Grants;

namespace Governance.Core.Workflow.Credentials;

/// <summary>Works out the STS session for a grant's requester: its name, source identity, policy and length.</summary>
/// <remarks>
/// <para>The session policy is the grant's own policy document: the grant's statements and nothing else, each carrying
/// <c>DateLessThan aws:CurrentTime</c> at the grant's end. The session can therefore do at most what the grant allows,
/// and nothing after the grant's end, whatever the session's own length.</para>
/// <para>That is why a grant with less than 15 minutes left still gets a session: STS's shortest session is 900 seconds,
/// and the policy condition, not the session's length, ends the access at the grant's end.</para>
/// </remarks>
public static partial class GrantSession
{
    /// <summary>STS's shortest session.</summary>
    public const int MinDurationSeconds = 900;

    /// <summary>STS's longest role session (a role's maximum session duration is at most 12 hours).</summary>
    public const int MaxDurationSeconds = 43_200;

    /// <summary>The most characters STS takes as inline session policy.</summary>
    public const int MaxPolicyLength = 2048;

    /// <summary>The session name for a grant: the same <c>grant-&lt;id&gt;</c> as its inline policy, 42 characters
    /// within STS's 64-character <c>[\w+=,.@-]</c> rule. It appears in the assumed-role ARN of every CloudTrail event of
    /// the session, which is how those events join to the grant and its approvals.</summary>
    public static string NameFor(Guid grantId) => Grant.PolicyNameFor(grantId);

    /// <summary>True when <paramref name="value"/> is a valid STS <c>SourceIdentity</c> (and <c>RoleSessionName</c>):
    /// 2 to 64 characters of ASCII letters, digits and <c>_+=,.@-</c>.</summary>
    public static bool IsValidIdentifier(string value) => IdentifierPattern().IsMatch(value);

    /// <summary>The <c>AssumeRole</c> call that gives <paramref name="grant"/>'s requester its access at <paramref name="now"/>.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="now">The current time.</param>
    /// <param name="maxSessionSeconds">The target role's maximum session duration.</param>
    /// <returns>The request, or a conflict when the grant is not active or cannot become a session.</returns>
    public static Outcome<RoleSessionRequest> Plan(Grant grant, DateTimeOffset now, int maxSessionSeconds)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.Status != GrantStatus.Active)
        {
            return GovernanceError.Conflict(ProblemCodes.GrantNotActive, $"grant `{grant.Id}` is {grant.Status}; credentials are issued for active grants only");
        }
        if (!grant.Window.Contains(now))
        {
            return GovernanceError.Conflict(ProblemCodes.GrantExpired,
                $"grant `{grant.Id}` ended at {grant.Window.EndIso8601}; credentials are issued only before a grant's end");
        }
        if (!IsValidIdentifier(grant.RequesterId))
        {
            return GovernanceError.Conflict(ProblemCodes.SourceIdentityInvalid,
                $"the requester `{grant.RequesterId}` cannot be an STS source identity, which is 2 to 64 letters, digits and `_+=,.@-`");
        }
        if (grant.PolicyDocument.Length > MaxPolicyLength)
        {
            return GovernanceError.Conflict(ProblemCodes.SessionPolicyTooLarge,
                $"the grant's policy is {grant.PolicyDocument.Length} characters and STS takes session policies of at most {MaxPolicyLength}; request fewer resources per grant");
        }
        var left = (long)Math.Floor((grant.EndsAt - now).TotalSeconds);
        var duration = (int)Math.Clamp(left, MinDurationSeconds, Math.Max(MinDurationSeconds, maxSessionSeconds));
        return new RoleSessionRequest(grant.TargetRoleArn, NameFor(grant.Id), grant.RequesterId, grant.PolicyDocument, duration);
    }

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]{2,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
