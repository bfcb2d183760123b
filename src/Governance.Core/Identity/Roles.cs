namespace Governance.Core.Identity;

/// <summary>The roles the governance service knows, as they appear in the token's role claim.</summary>
public static class Roles
{
    /// <summary>Requests access for themselves and sees their own requests.</summary>
    public const string Engineer = "engineer";

    /// <summary>Decides requests (never their own), revokes grants, reads the audit log.</summary>
    public const string Approver = "approver";

    /// <summary>Everything an approver can, and cancelling anyone's request.</summary>
    public const string Admin = "admin";

    /// <summary>Every known role.</summary>
    public static readonly IReadOnlyList<string> All = [Engineer, Approver, Admin];
}
