namespace PolicyEngine.Evaluation;

/// <summary>A permission an S3 ACL grant gives; which actions it allows depends on whether the ACL is a bucket's or an object's.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions</remarks>
public enum AclPermission
{
    /// <summary><c>READ</c>: list the bucket, or read the object.</summary>
    Read,

    /// <summary><c>WRITE</c>: create objects in the bucket; nothing on an object.</summary>
    Write,

    /// <summary><c>READ_ACP</c>: read the ACL.</summary>
    ReadAcp,

    /// <summary><c>WRITE_ACP</c>: write the ACL.</summary>
    WriteAcp,

    /// <summary><c>FULL_CONTROL</c>: all of the above that apply.</summary>
    FullControl,
}
