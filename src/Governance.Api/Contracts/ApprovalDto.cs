namespace Governance.Api.Contracts;

/// <summary>One approval of a request.</summary>
/// <param name="Approver">The approver's subject.</param>
/// <param name="Comment">Their comment.</param>
/// <param name="ApprovedAt">When.</param>
public sealed record ApprovalDto(string Approver, string? Comment, DateTimeOffset ApprovedAt);
