namespace Governance.Core.AuditTrail;

/// <summary>The outcome of recomputing the audit chain.</summary>
/// <param name="Valid">True when every event's hash and link are as recorded.</param>
/// <param name="Events">How many events were checked.</param>
/// <param name="FirstBrokenSequence">The sequence of the first event that does not verify.</param>
/// <param name="Reason">Why it does not verify.</param>
/// <param name="HeadHash">The last event's hash, for anchoring elsewhere.</param>
public sealed record AuditVerification(bool Valid, long Events, long? FirstBrokenSequence, string? Reason, string? HeadHash);
