using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Core.Hosting;

/// <summary>Resolves the folders the service works with from configuration.</summary>
/// <param name="DataDirectory">The data folder, absolute.</param>
/// <param name="PoliciesDirectory">The policies folder, absolute.</param>
/// <param name="OrganizationSeed">The snapshot (folder or single account file) the organisation copy starts from.</param>
public sealed record GovernancePaths(string DataDirectory, string PoliciesDirectory, string OrganizationSeed)
{
    /// <summary>
    /// The account copy's file in the data folder before the copy moved into the database: when it exists on the first
    /// start with an empty copy, it is the seed, so the grants written into it are kept.
    /// </summary>
    public string LegacyAccountCopy => Path.Combine(DataDirectory, "account.json");

    /// <summary>The roles-as-code folder the drift audit compares with the account.</summary>
    public string RolesDirectory => Path.Combine(PoliciesDirectory, "roles");

    /// <summary>The guardrails-as-code folder (SCPs and RCPs) the drift audit compares with the organisation.</summary>
    public string GuardrailsDirectory => Path.Combine(PoliciesDirectory, "guardrails");

    /// <summary>The exclusions file the drift audit honours when it exists (reviewed findings, accepted risks).</summary>
    public string ExclusionsFile => Path.Combine(PoliciesDirectory, Exclusions.ExclusionsFile.FileName);

    /// <summary>Where drift reports are written, as copies of what the database holds.</summary>
    public string ReportsDirectory => Path.Combine(DataDirectory, "reports");

    /// <summary>Where signed audit checkpoints are written (<c>Governance:Audit:Checkpoints:Folder</c>).</summary>
    public string AuditCheckpointsDirectory { get; init; } = Path.Combine(DataDirectory, AuditCheckpointFolder.DefaultFolderName);

    /// <summary>The audit checkpoint signing key (<c>Governance:Audit:Checkpoints:KeyFile</c>).</summary>
    public string AuditCheckpointKeyFile { get; init; } = Path.Combine(DataDirectory, Governance.Core.AuditTrail.Checkpoints.AuditCheckpointKeyFile.DefaultFileName);

    /// <summary>Whether the key file was configured, so must exist, rather than the data folder's default, created on first start.</summary>
    public bool AuditCheckpointKeyConfigured { get; init; }

    /// <summary>Resolves the folders from <paramref name="options"/>, relative to the working directory.</summary>
    public static GovernancePaths Resolve(GovernanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = Path.GetFullPath(options.DataDirectory);
        var policies = options.PoliciesDirectory is { Length: > 0 } p ? Path.GetFullPath(p) : PoliciesFolder.Find();
        var seed = (options.OrganizationSnapshot ?? options.AccountSnapshotSeed) is { Length: > 0 } s
            ? Path.GetFullPath(s)
            : Path.Combine(policies, "demo-org");
        var checkpoints = options.Audit.Checkpoints;
        return new GovernancePaths(data, policies, seed)
        {
            AuditCheckpointsDirectory = Path.GetFullPath(checkpoints.Folder is { Length: > 0 } folder ? folder : Path.Combine(data, AuditCheckpointFolder.DefaultFolderName)),
            AuditCheckpointKeyFile = Path.GetFullPath(checkpoints.KeyFile is { Length: > 0 } key ? key : Path.Combine(data, Governance.Core.AuditTrail.Checkpoints.AuditCheckpointKeyFile.DefaultFileName)),
            AuditCheckpointKeyConfigured = checkpoints.KeyFile is { Length: > 0 },
        };
    }
}
