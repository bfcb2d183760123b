namespace Governance.Core.Infrastructure.Aws;

/// <summary>The service's AWS settings, read from configuration by the API and the worker alike.</summary>
/// <param name="Provisioning"><c>Governance:Provisioning:Mode</c>: <c>Snapshot</c> (default) or <c>Aws</c>.</param>
/// <param name="Account"><c>Governance:Account:Source</c>: <c>Snapshot</c> (default) or <c>Aws</c>.</param>
/// <param name="Connection"><c>Governance:Aws:Region</c> and <c>Governance:Aws:Profile</c>; unset means the SDK's usual sources.</param>
public sealed record AwsIntegrationOptions(ProvisioningMode Provisioning, AccountSource Account, AwsConnection Connection)
{
    /// <summary>The configuration key of <see cref="Provisioning"/>.</summary>
    public const string ProvisioningKey = "Governance:Provisioning:Mode";

    /// <summary>The configuration key of <see cref="Account"/>.</summary>
    public const string AccountKey = "Governance:Account:Source";

    /// <summary>True when anything calls AWS.</summary>
    public bool UsesAws => Provisioning == ProvisioningMode.Aws || Account == AccountSource.Aws;

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
        var region = configuration("Governance:Aws:Region");
        var profile = configuration("Governance:Aws:Profile");
        return new(provisioning, account, new AwsConnection(region is { Length: > 0 } ? region : null, profile is { Length: > 0 } ? profile : null));
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
