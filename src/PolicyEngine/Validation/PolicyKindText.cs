namespace PolicyEngine.Validation;

/// <summary>How messages name each kind of policy.</summary>
internal static class PolicyKindText
{
    /// <summary>The kind in the plural, as in "`Principal` is not allowed in identity policies".</summary>
    public static string Plural(PolicyKind kind) => kind switch
    {
        PolicyKind.Identity => "identity policies",
        PolicyKind.Resource => "resource-based policies",
        PolicyKind.Trust => "role trust policies",
        PolicyKind.Boundary => "permissions boundaries",
        PolicyKind.Session => "session policies",
        PolicyKind.Scp => "service control policies",
        PolicyKind.AccessPoint => "S3 access point policies",
        PolicyKind.Rcp => "resource control policies",
        PolicyKind.VpcEndpoint => "VPC endpoint policies",
        _ => kind.ToString(),
    };

    /// <summary>The kind in the singular, as in "a role trust policy".</summary>
    public static string Singular(PolicyKind kind) => kind switch
    {
        PolicyKind.Identity => "an identity policy",
        PolicyKind.Resource => "a resource-based policy",
        PolicyKind.Trust => "a role trust policy",
        PolicyKind.Boundary => "a permissions boundary",
        PolicyKind.Session => "a session policy",
        PolicyKind.Scp => "a service control policy",
        PolicyKind.AccessPoint => "an S3 access point policy",
        PolicyKind.Rcp => "a resource control policy",
        PolicyKind.VpcEndpoint => "a VPC endpoint policy",
        _ => kind.ToString(),
    };
}
