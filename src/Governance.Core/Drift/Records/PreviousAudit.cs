namespace Governance.Core.Drift.Records;

/// <summary>The earlier run a report was compared with.</summary>
/// <param name="Id">Its id.</param>
/// <param name="RanAt">When it ran.</param>
public sealed record PreviousAudit(Guid Id, DateTimeOffset RanAt);
