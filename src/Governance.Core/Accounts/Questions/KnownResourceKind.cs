namespace Governance.Core.Accounts.Questions;

/// <summary>The kinds of resource whose policies an organisation snapshot holds.</summary>
public enum KnownResourceKind
{
    /// <summary>An S3 bucket, by its bucket ARN.</summary>
    Bucket,

    /// <summary>An S3 bucket's objects, as <c>arn:aws:s3:::BUCKET/*</c>.</summary>
    Objects,

    /// <summary>A KMS key.</summary>
    Key,

    /// <summary>A resource listed under <c>Other</c> (queue, topic, secret, Glue catalog, ...).</summary>
    Other,

    /// <summary>An IAM role, whose trust policy decides who may assume it.</summary>
    Role,
}
