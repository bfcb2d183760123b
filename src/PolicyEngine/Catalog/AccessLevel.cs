namespace PolicyEngine.Catalog;

/// <summary>The access level AWS's service authorization reference gives an action.</summary>
/// <remarks>
/// The numeric values are the codes in the embedded catalogue; keep them in step with
/// <c>tools/catalog/generate.mjs</c>. Where the data lists two levels ("Permissions management, Write"),
/// the first is kept, as AWS's reference shows it.
/// </remarks>
public enum AccessLevel
{
    /// <summary>Lists resources, for example <c>s3:ListBucket</c>.</summary>
    List = 0,

    /// <summary>Reads resources or their attributes, for example <c>s3:GetObject</c>.</summary>
    Read = 1,

    /// <summary>Creates, changes or deletes resources, for example <c>s3:PutObject</c>.</summary>
    Write = 2,

    /// <summary>Grants or changes permissions, for example <c>iam:AttachRolePolicy</c>.</summary>
    PermissionsManagement = 3,

    /// <summary>Changes only tags, for example <c>iam:TagRole</c>.</summary>
    Tagging = 4,
}
