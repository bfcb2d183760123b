namespace Governance.Cli.Validation;

/// <summary>The kinds of document the summary counts, in the order it lists them.</summary>
internal enum DocumentCategory
{
    /// <summary>A service control policy (<c>guardrails/scp/</c>, or <c>--kind scp</c>).</summary>
    Scp,

    /// <summary>A resource control policy (<c>guardrails/rcp/</c>, or <c>--kind rcp</c>).</summary>
    Rcp,

    /// <summary>A role definition's trust policy.</summary>
    RoleTrust,

    /// <summary>A role definition's inline policy.</summary>
    RoleInline,

    /// <summary>The policy a permission set's statements render to.</summary>
    PermissionSet,

    /// <summary>A plain identity policy file.</summary>
    Identity,

    /// <summary>A plain resource-based policy file.</summary>
    Resource,

    /// <summary>A plain trust policy file.</summary>
    Trust,

    /// <summary>A plain permissions boundary file.</summary>
    Boundary,

    /// <summary>A plain session policy file.</summary>
    Session,

    /// <summary>A VPC endpoint policy file (<c>--kind vpc-endpoint</c>).</summary>
    VpcEndpoint,
}
