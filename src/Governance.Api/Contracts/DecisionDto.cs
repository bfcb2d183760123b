namespace Governance.Api.Contracts;

/// <summary>The body of approve, deny, cancel and revoke: an optional comment, and for an approval the preview it is given on.</summary>
/// <param name="Comment">Recorded with the decision and in the audit log.</param>
/// <param name="PreviewVersion">
/// Approve only: the <c>previewVersion</c> (the ETag) of the request as the approver read it; the <c>If-Match</c>
/// header may carry it instead.
/// </param>
public sealed record DecisionDto(string? Comment, string? PreviewVersion = null);
