namespace Governance.Core.Infrastructure.Aws;

/// <summary>One read of the live source of the organisation copy: whether it was written, and what happened, in one line.</summary>
/// <param name="Success">True when the read succeeded and the copy holds it (a new version, or the same content).</param>
/// <param name="FirstStart">True when the copy was empty: a failed first read must stop the process.</param>
/// <param name="Description">What was read, or why not, for the log and the start-up error.</param>
public sealed record CopyRefresh(bool Success, bool FirstStart, string Description);
