using Governance.Core.Accounts;
using Governance.Core.Policies.PermissionSets;

namespace Governance.Core.Workflow.Requests;

/// <summary>What a submission would grant and take, computed without saving it (<c>AccessRequestService.PreviewAsync</c>).</summary>
/// <param name="Set">The permission set asked for.</param>
/// <param name="Role">The role that would receive it.</param>
/// <param name="Resources">The resources, trimmed and without repeats, as a submission would record them.</param>
/// <param name="PolicyDocument">The identity policy the grant would attach (without its expiry).</param>
/// <param name="Assessment">The preview and the approval rules' requirement, as submitting would compute them now.</param>
public sealed record SubmissionPreview(
    PermissionSet Set, ResolvedPrincipal Role, IReadOnlyList<string> Resources, string PolicyDocument, RequestPreview Assessment);
