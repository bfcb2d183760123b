using Governance.Core.Accounts;
using Governance.Core.Workflow.Preview;
using Governance.Core.Workflow.Requests;

namespace Governance.Api.Console.Pages.CanI;

/// <summary>
/// The principals the Can I page offers first: the roles of the organisation copy an engineer's requests may target
/// (<see cref="AccessRequestService.CanReceiveGrants"/>), the ones tagged as theirs (<see cref="AccessGainers.OwnerTag"/>)
/// first, then by account and name. Any other principal is asked by its ARN.
/// </summary>
internal static class RoleChoices
{
    /// <summary>The choices for <paramref name="subject"/> among <paramref name="principals"/>.</summary>
    public static IReadOnlyList<RoleChoice> For(IEnumerable<ResolvedPrincipal> principals, string subject)
        => [.. principals.Where(AccessRequestService.CanReceiveGrants)
            .Select(p => new RoleChoice(p.Arn, p.Name, p.AccountId, IsOwnedBy(p, subject)))
            .OrderByDescending(static c => c.Owned).ThenBy(static c => c.AccountId, StringComparer.Ordinal).ThenBy(static c => c.Name, StringComparer.Ordinal)];

    private static bool IsOwnedBy(ResolvedPrincipal principal, string subject)
        => principal.Tags.Any(t => string.Equals(t.Key, AccessGainers.OwnerTag, StringComparison.OrdinalIgnoreCase)
            && string.Equals(t.Value, subject, StringComparison.Ordinal));
}
