using System.Collections.Immutable;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// The global condition keys AWS sets from the calling principal itself, beyond those the engine derives from its
/// ARN: its tags (<c>aws:PrincipalTag/KEY</c>), its unique id (<c>aws:userid</c>) and its organisation
/// (<c>aws:PrincipalOrgID</c>, present only when the principal's account is a member of an organisation), and
/// <c>aws:PrincipalIsAWSService</c>, which every request carries and which is <c>false</c> for the IAM users and roles a
/// snapshot holds ("This key is included in the request context for all signed API requests"; it is true only when the
/// caller is an AWS service principal).
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
/// The conformance corpus is not fed through here: its cases give their context directly.
/// </summary>
internal static class PrincipalContextKeys
{
    public static IEnumerable<KeyValuePair<string, ImmutableArray<string>>> For(ResolvedPrincipal principal, string? organizationId = null)
    {
        if (organizationId is { Length: > 0 })
        {
            yield return KeyValuePair.Create("aws:PrincipalOrgID", ImmutableArray.Create(organizationId));
        }
        // Every principal a snapshot resolves is an IAM user or role, never a service principal.
        yield return KeyValuePair.Create("aws:PrincipalIsAWSService", ImmutableArray.Create("false"));
        foreach (var tag in principal.Tags)
        {
            yield return KeyValuePair.Create($"aws:PrincipalTag/{tag.Key}", ImmutableArray.Create(tag.Value));
        }
        // For a role session aws:userid is "ROLEID:SESSION"; a role asked as itself has no session name, so only a
        // user's id, or a session's named in its ARN, is certain.
        if (principal.Kind == PrincipalKind.User && principal.UniqueId.Length > 0)
        {
            yield return KeyValuePair.Create("aws:userid", ImmutableArray.Create(principal.UniqueId));
        }
        else if (principal.Kind == PrincipalKind.Role && principal.UniqueId.Length > 0
            && Arn.TryParse(principal.Arn, out var arn) && arn.Service == "sts" && arn.Resource.Split('/') is ["assumed-role", _, var session, ..])
        {
            yield return KeyValuePair.Create("aws:userid", ImmutableArray.Create($"{principal.UniqueId}:{session}"));
        }
    }
}
