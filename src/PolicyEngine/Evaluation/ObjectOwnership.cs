namespace PolicyEngine.Evaluation;

/// <summary>A bucket's S3 Object Ownership setting, which says whether its ACLs take part in access decisions.</summary>
/// <remarks>https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html</remarks>
public enum ObjectOwnership
{
    /// <summary>ACLs enabled; the uploading account owns an object (S3's default before April 2023).</summary>
    ObjectWriter,

    /// <summary>ACLs enabled; the bucket owner owns objects written with <c>bucket-owner-full-control</c>.</summary>
    BucketOwnerPreferred,

    /// <summary>ACLs disabled: "ACLs no longer affect permissions"; the bucket owner owns every object and policies alone decide.</summary>
    BucketOwnerEnforced,
}
