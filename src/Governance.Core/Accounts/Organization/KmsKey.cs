namespace Governance.Core.Accounts.Organization;

/// <summary>A KMS key and its key policy, as <c>aws kms describe-key</c> and <c>get-key-policy</c> print them.</summary>
/// <param name="KeyId">Its key id.</param>
/// <param name="Arn">Its key ARN.</param>
/// <param name="KeyManager"><c>CUSTOMER</c> or <c>AWS</c>; null when the snapshot does not say.</param>
/// <param name="Policy">Its key policy; every KMS key has one.</param>
public sealed record KmsKey(string KeyId, string Arn, string? KeyManager, PolicyText Policy)
{
    /// <summary>
    /// True for AWS managed keys (<c>aws/s3</c>, ...), to which RCPs do not apply
    /// (https://docs.aws.amazon.com/kms/latest/developerguide/resource-control-policies.html).
    /// </summary>
    public bool IsAwsManaged => string.Equals(KeyManager, "AWS", StringComparison.Ordinal);
}
