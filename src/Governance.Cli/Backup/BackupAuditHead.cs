namespace Governance.Cli.Backup;

/// <summary>The last event of the audit chain in a backup's database.</summary>
/// <param name="Sequence">Its sequence number.</param>
/// <param name="Hash">Its hash, as the database holds it.</param>
internal sealed record BackupAuditHead(long Sequence, string Hash);
