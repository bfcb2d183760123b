namespace Governance.Core.AuditTrail.Checkpoints;

/// <summary>The <c>Governance:Audit:Checkpoints</c> configuration section: how often the audit chain is signed, and where.</summary>
public sealed class AuditCheckpointOptions
{
    /// <summary>The section's path.</summary>
    public const string Section = "Governance:Audit:Checkpoints";

    /// <summary>The most events one checkpoint covers, and how many new events make one due; default 100.</summary>
    public int EveryEvents { get; set; } = 100;

    /// <summary>How long after the last checkpoint new events wait, at most, before one is due; default 5.</summary>
    public int EveryMinutes { get; set; } = 5;

    /// <summary>The folder checkpoints are written to; default <c>audit-checkpoints/</c> in the data folder.</summary>
    public string? Folder { get; set; }

    /// <summary>A PEM ECDSA P-256 private key file (mode 0600) to sign with; when unset, <c>audit-checkpoint-key.pem</c>
    /// in the data folder, created on first start.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Checks the values, naming the key of a wrong one.</summary>
    /// <returns>The problems; empty when the values are usable.</returns>
    public IEnumerable<string> Validate()
    {
        if (EveryEvents is < 1 or > 10_000)
        {
            yield return $"{Section}:EveryEvents must be from 1 to 10000, not {EveryEvents}";
        }
        if (EveryMinutes is < 1 or > 1440)
        {
            yield return $"{Section}:EveryMinutes must be from 1 to 1440, not {EveryMinutes}";
        }
    }
}
