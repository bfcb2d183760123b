namespace Governance.Cli.Backup;

/// <summary>One file in a backup.</summary>
/// <param name="Path">Its path in the backup folder, with <c>/</c> separators.</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Sha256">The SHA-256 of its content, lowercase hex.</param>
internal sealed record BackupFile(string Path, long Size, string Sha256);
