using Amazon.Runtime.CredentialManagement;

namespace Governance.Core.Infrastructure.Aws;

/// <summary>The caller's region, found as the AWS SDKs find it.</summary>
public static class AwsRegion
{
    /// <summary>The connection's region, else <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's region; null when none says.</summary>
    public static string? Resolve(AwsConnection connection, AwsEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(environment);
        return connection.Region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? ProfileRegion(connection, environment);
    }

    private static string? ProfileRegion(AwsConnection connection, AwsEnvironment environment)
    {
        var name = connection.Profile ?? environment["AWS_PROFILE"] ?? "default";
        return new CredentialProfileStoreChain().TryGetProfile(name, out var profile) ? profile.Region?.SystemName : null;
    }
}
