namespace Governance.Core.Infrastructure.Aws;

/// <summary>Where the service's account state comes from (<c>Governance:Account:Source</c>).</summary>
public enum AccountSource
{
    /// <summary>The snapshot file in the data folder, seeded from <c>Governance:AccountSnapshotSeed</c>.</summary>
    Snapshot,

    /// <summary>IAM's GetAccountAuthorizationDetails, read at start and refreshed on a schedule into the same file.</summary>
    Aws,
}
