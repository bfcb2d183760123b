namespace Governance.Core.Infrastructure.Aws;

/// <summary>Where the service's account state comes from (<c>Governance:Account:Source</c>).</summary>
public enum AccountSource
{
    /// <summary>The organisation copy in the database, seeded from <c>Governance:OrganizationSnapshot</c>.</summary>
    Snapshot,

    /// <summary>IAM's GetAccountAuthorizationDetails, read at start and refreshed on a schedule into the same file.</summary>
    Aws,
}
