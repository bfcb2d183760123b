using Governance.Core.Results;

namespace Governance.Core.Workflow.Credentials;

/// <summary>Stands in for STS where credential vending is off (the embedded defaults): every call answers how to turn it on.</summary>
public sealed class UnconfiguredRoleSessionIssuer : IRoleSessionIssuer
{
    /// <inheritdoc />
    public Task<Outcome<SessionCredentials>> AssumeRoleAsync(RoleSessionRequest request, CancellationToken cancellationToken)
        => Task.FromResult<Outcome<SessionCredentials>>(new GovernanceError(GovernanceErrorKind.Unavailable, ProblemCodes.AwsNotConfigured,
            $"credential vending needs live AWS: set {CredentialVendingOptions.EnabledKey}=true, with AWS_REGION and AWS credentials allowed "
            + "sts:AssumeRole and sts:SetSourceIdentity on the target roles"));
}
