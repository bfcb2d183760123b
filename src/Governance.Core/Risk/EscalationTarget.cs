namespace Governance.Core.Risk;

/// <summary>What an escalation path acts on, which decides the resources its actions are checked against.</summary>
public enum EscalationTarget
{
    /// <summary>A privileged role the principal passes to a new compute resource of <see cref="EscalationPath.Service"/>; iam:PassRole is checked on the role.</summary>
    PassedRole,

    /// <summary>An existing resource of <see cref="EscalationPath.Service"/> that runs as a privileged role trusting that service.</summary>
    ServiceRole,

    /// <summary>The principal itself when it is a user; other users otherwise.</summary>
    SelfUser,

    /// <summary>The principal itself when it is a role; other roles otherwise.</summary>
    SelfRole,

    /// <summary>A group the user belongs to; other groups otherwise.</summary>
    OwnGroup,

    /// <summary>A group whose policies make its members administrators.</summary>
    PrivilegedGroup,

    /// <summary>Another user who is an administrator.</summary>
    PrivilegedUser,

    /// <summary>A customer-managed policy attached to the principal or its groups.</summary>
    OwnPolicy,

    /// <summary>A privileged role whose trust policy the principal rewrites and then assumes.</summary>
    PrivilegedRole,
}
