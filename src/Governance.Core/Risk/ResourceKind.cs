namespace Governance.Core.Risk;

/// <summary>What a <see cref="ResourceRisks"/> entry is: a resource with its own policy, or an organisation guardrail.</summary>
public enum ResourceKind
{
    /// <summary>An S3 bucket and its bucket policy.</summary>
    Bucket,

    /// <summary>A KMS key and its key policy.</summary>
    KmsKey,

    /// <summary>An IAM role and its trust policy.</summary>
    Role,

    /// <summary>Any other resource with a resource policy (queue, topic, secret, function, Glue catalog, ...).</summary>
    Other,

    /// <summary>A service control policy.</summary>
    ServiceControlPolicy,

    /// <summary>A resource control policy.</summary>
    ResourceControlPolicy,
}
