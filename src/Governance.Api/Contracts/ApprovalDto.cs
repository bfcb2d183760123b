namespace Governance.Api.Contracts;

/// <summary>One approval of a request.</summary>
/// <param name="Approver">The approver's subject.</param>
/// <param name="Comment">Their comment.</param>
/// <param name="ApprovedAt">When.</param>
/// <param name="PreviewVersion">The version of the preview they approved; null for approvals recorded before versions.</param>
/// <param name="Counts">
/// Whether it counts toward the approvals the request needs now: false once the preview's risk rose above the one it
/// was given on.
/// </param>
public sealed record ApprovalDto(string Approver, string? Comment, DateTimeOffset ApprovedAt, string? PreviewVersion, bool Counts);
