using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Governance.Cli.Backup;

/// <summary>
/// <c>manifest.json</c> of a backup: every file it holds with its size and SHA-256, so that a restore checks the whole
/// backup before writing anything; the audit chain's head in the copied database, so that the restored service can be
/// checked against it; the tool's version and the time, in UTC.
/// </summary>
/// <param name="Tool">Always <c>iamgov</c>.</param>
/// <param name="Version">The version of iamgov that wrote the backup.</param>
/// <param name="CreatedAt">When the backup was made, in the one time form (<see cref="Governance.Core.Formats.UtcTimestamp"/>).</param>
/// <param name="AuditHead">The last audit event in the copied database; null when it holds none.</param>
/// <param name="Files">The files, by their path in the backup (<see cref="BackupLayout"/>), with <c>/</c> separators.</param>
internal sealed record BackupManifest(string Tool, string Version, string CreatedAt, BackupAuditHead? AuditHead, IReadOnlyList<BackupFile> Files)
{
    /// <summary>The manifest's file name in the backup folder.</summary>
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The manifest as JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads <paramref name="bytes"/>; null with what is wrong when they are not a manifest.</summary>
    public static (BackupManifest? Manifest, string? Error) Parse(byte[] bytes)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(bytes, Json);
            return manifest is { Tool: "iamgov", Files: not null }
                ? (manifest, null)
                : (null, "is not a manifest written by `iamgov admin backup`");
        }
        catch (JsonException e)
        {
            return (null, $"is not valid JSON ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>The SHA-256 of <paramref name="path"/>'s content, lowercase hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
