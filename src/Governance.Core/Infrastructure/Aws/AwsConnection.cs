namespace Governance.Core.Infrastructure.Aws;

/// <summary>Where and as whom to call AWS; what is not set here comes from the SDK's usual sources.</summary>
/// <param name="Region">The region (and so the partition); default <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, the profile's region.</param>
/// <param name="Profile">A named profile of the shared config and credentials files; default the SDK's chain (<c>AWS_PROFILE</c> included).</param>
public sealed record AwsConnection(string? Region = null, string? Profile = null);
