namespace PolicyEngine.Validation;

/// <summary>Where an identity policy is stored, which decides its size quota.</summary>
public enum PolicyContainer
{
    /// <summary>A customer managed policy (6,144 characters).</summary>
    Managed,

    /// <summary>An AWS managed policy: AWS writes these, and the customer quotas do not bind them.</summary>
    AwsManaged,

    /// <summary>Inline in a user (2,048 characters for all the user's inline policies together).</summary>
    UserInline,

    /// <summary>Inline in a group (5,120 characters for all the group's inline policies together).</summary>
    GroupInline,

    /// <summary>Inline in a role (10,240 characters for all the role's inline policies together).</summary>
    RoleInline,
}
