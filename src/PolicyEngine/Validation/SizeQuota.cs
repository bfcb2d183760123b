namespace PolicyEngine.Validation;

/// <summary>AWS's size quotas for policy documents, and how each kind counts characters.</summary>
internal static class SizeQuota
{
    // IAM quotas, from "IAM and AWS STS quotas, name requirements, and character limits"
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html), checked 2026-11:
    // managed policy 6,144; inline policies, all of one identity's together: user 2,048, group 5,120, role 10,240;
    // role trust policy 2,048 (a default that Service Quotas can raise, hence ValidationOptions.MaxCharacters).
    // IAM does not count white space.
    public const int Managed = 6_144;
    public const int UserInline = 2_048;
    public const int GroupInline = 5_120;
    public const int RoleInline = 10_240;
    public const int Trust = 2_048;

    // Session policies: "The plaintext that you use for both inline and managed session policies can't exceed
    // 2,048 characters" (AWS STS API reference, AssumeRole, parameter Policy).
    public const int Session = 2_048;

    // Organizations quotas, from "Quotas and service limits for AWS Organizations"
    // (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html): SCP and RCP
    // 5,120 characters. The SCP and RCP syntax pages say "All characters in your SCP count against its maximum
    // size", so for these two kinds white space counts too.
    public const int Organizations = 5_120;

    // S3 access points: "Access point policies are limited to 20 KB in size" ("Restrictions and limitations for access
    // points", https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-restrictions-limitations-naming-rules.html).
    // Read as 20,480 characters with white space counted: the page does not say white space is left out.
    public const int AccessPoint = 20_480;

    // VPC endpoint policies: "The size of an endpoint policy cannot exceed 20,480 characters, including white space"
    // (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html#vpc-endpoint-policy-considerations).
    public const int VpcEndpoint = 20_480;

    /// <summary>The quota for a kind and container; 0 when there is none (resource policies vary by service).</summary>
    public static int For(PolicyKind kind, PolicyContainer container) => kind switch
    {
        PolicyKind.Identity => container switch
        {
            PolicyContainer.UserInline => UserInline,
            PolicyContainer.GroupInline => GroupInline,
            PolicyContainer.RoleInline => RoleInline,
            PolicyContainer.AwsManaged => 0,
            _ => Managed,
        },
        PolicyKind.Boundary => container == PolicyContainer.AwsManaged ? 0 : Managed,
        PolicyKind.Trust => Trust,
        PolicyKind.Session => Session,
        PolicyKind.Scp or PolicyKind.Rcp => Organizations,
        PolicyKind.AccessPoint => AccessPoint,
        PolicyKind.VpcEndpoint => VpcEndpoint,
        _ => 0,
    };

    /// <summary>True when the kind counts white space against its quota.</summary>
    public static bool CountsWhiteSpace(PolicyKind kind) => kind is PolicyKind.Scp or PolicyKind.Rcp or PolicyKind.AccessPoint or PolicyKind.VpcEndpoint;
}
