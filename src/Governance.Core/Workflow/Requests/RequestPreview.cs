using System.Security.Cryptography;
using System.Text;
using Governance.Core.Workflow.Approvals;
using Governance.Core.Workflow.Preview;

namespace Governance.Core.Workflow.Requests;

/// <summary>A request's preview and the approvals it needs, as computed against the organisation at one time, with its version.</summary>
/// <param name="Preview">What the request adds now, its risks, and why it adds nothing when it does not.</param>
/// <param name="Requirement">What the approval rules make of that preview.</param>
/// <param name="Version">
/// Names the preview and requirement an approver decides on: the same access, findings, effects and approval count
/// give the same version, whatever else changed in the organisation (its copy's version is left out).
/// </param>
public sealed record RequestPreview(AccessPreview Preview, ApprovalRequirement Requirement, string Version)
{
    /// <summary>
    /// The distinct approvals a request waiting for people needs: the requirement's, and at least one, since a request
    /// already in approvers' hands that the rules would now approve alone still takes an approver's decision.
    /// </summary>
    public int ApprovalsRequired => Math.Max(1, Requirement.ApprovalsRequired);

    /// <summary>Computes the version of <paramref name="preview"/> under <paramref name="requirement"/>.</summary>
    public static RequestPreview Of(AccessPreview preview, ApprovalRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(requirement);
        var decided = AccessPreviewJson.Serialize(preview with { Picture = null });
        var text = $"{requirement.Outcome}|{requirement.ApprovalsRequired}|{decided}";
        // 128 bits: an ETag names a version, it does not protect anything a collision could forge.
        return new(preview, requirement, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16)));
    }
}
