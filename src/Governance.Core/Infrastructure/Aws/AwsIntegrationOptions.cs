namespace Governance.Core.Infrastructure.Aws;

/// <summary>The service's AWS settings, read from configuration by the API and the worker alike.</summary>
/// <param name="Provisioning"><c>Governance:Provisioning:Mode</c>: <c>Snapshot</c> (default) or <c>Aws</c>.</param>
/// <param name="Account"><c>Governance:Account:Source</c>: <c>Snapshot</c> (default) or <c>Aws</c>.</param>
/// <param name="Connection"><c>Governance:Aws:Region</c> and <c>Governance:Aws:Profile</c>; unset means the SDK's usual sources.</param>
public sealed record AwsIntegrationOptions(ProvisioningMode Provisioning, AccountSource Account, AwsConnection Connection)
{
    /// <summary>The configuration key of <see cref="Organization"/>.</summary>
    public const string OrganizationKey = "Governance:Organization:Source";

    /// <summary>The configuration key of <see cref="MemberRole"/>.</summary>
    public const string MemberRoleKey = "Governance:Organization:MemberRole";

    /// <summary>
    /// <c>Governance:Organization:Source</c>: <c>Snapshot</c> (default: the copy starts from a snapshot folder and changes
    /// only with grants) or <c>Aws</c> (read from AWS Organizations and every member account, at start and on the refresh schedule).
    /// </summary>
    public AccountSource Organization { get; init; } = AccountSource.Snapshot;

    /// <summary>The role the organisation crawl assumes in each member account; a read-only role in practice.</summary>
    public string MemberRole { get; init; } = Crawl.OrganizationCrawlOptions.DefaultMemberRole;

    /// <summary>The configuration key of <see cref="Provisioning"/>.</summary>
    public const string ProvisioningKey = "Governance:Provisioning:Mode";

    /// <summary>The configuration key of <see cref="Account"/>.</summary>
    public const string AccountKey = "Governance:Account:Source";

    /// <summary>True when anything calls AWS.</summary>
    public bool UsesAws => Provisioning == ProvisioningMode.Aws || Account == AccountSource.Aws || Organization == AccountSource.Aws;

    /// <summary>True when the copy is read from AWS, one account or the whole organisation.</summary>
    public bool CopyFromAws => Account == AccountSource.Aws || Organization == AccountSource.Aws;

    /// <summary>Reads the settings through <paramref name="configuration"/> (a key to its value, or null).</summary>
    /// <exception cref="InvalidOperationException">A value is not one of the choices, or the choices do not work together.</exception>
    public static AwsIntegrationOptions Read(Func<string, string?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provisioning = Parse(configuration, ProvisioningKey, ProvisioningMode.Snapshot);
        var account = Parse(configuration, AccountKey, AccountSource.Snapshot);
        if (account == AccountSource.Aws && provisioning != ProvisioningMode.Aws)
        {
            throw new InvalidOperationException(
                $"{AccountKey}=Aws needs {ProvisioningKey}=Aws: grants written only into the local copy would vanish at the next refresh from IAM");
        }
        var organization = Parse(configuration, OrganizationKey, AccountSource.Snapshot);
        if (organization == AccountSource.Aws && account == AccountSource.Aws)
        {
            throw new InvalidOperationException(
                $"{OrganizationKey}=Aws and {AccountKey}=Aws exclude each other: the organisation's read includes every account's IAM");
        }
        if (organization == AccountSource.Aws && provisioning != ProvisioningMode.Aws)
        {
            throw new InvalidOperationException(
                $"{OrganizationKey}=Aws needs {ProvisioningKey}=Aws: grants written only into the local copy would vanish at the next read from AWS");
        }
        var memberRole = configuration(MemberRoleKey);
        var region = configuration("Governance:Aws:Region");
        var profile = configuration("Governance:Aws:Profile");
        return new(provisioning, account, new AwsConnection(region is { Length: > 0 } ? region : null, profile is { Length: > 0 } ? profile : null))
        {
            Organization = organization,
            MemberRole = memberRole is { Length: > 0 } ? memberRole : Crawl.OrganizationCrawlOptions.DefaultMemberRole,
        };
    }

    private static T Parse<T>(Func<string, string?> configuration, string key, T fallback)
        where T : struct, Enum
    {
        var value = configuration(key);
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        return Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new InvalidOperationException($"{key}: `{value}` is not one of {string.Join(", ", Enum.GetNames<T>())}");
    }
}
