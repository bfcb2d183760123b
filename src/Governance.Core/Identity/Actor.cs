namespace Governance.Core.Identity;

/// <summary>Who is acting: the token's subject and roles, or the service itself.</summary>
/// <param name="Id">The subject (<c>sub</c>), or <see cref="SystemId"/> for the service's own decisions.</param>
/// <param name="Roles">The roles the token carries.</param>
public sealed record Actor(string Id, IReadOnlySet<string> Roles)
{
    /// <summary>The actor id recorded for decisions the approval rules make.</summary>
    public const string SystemId = "system:approval-rules";

    /// <summary>The service acting on its own (automatic approval, expiry).</summary>
    public static Actor System { get; } = new(SystemId, new HashSet<string>(StringComparer.Ordinal));

    /// <summary>True when the actor holds <paramref name="role"/>.</summary>
    public bool IsIn(string role) => Roles.Contains(role);

    /// <summary>True for approvers and admins.</summary>
    public bool CanDecide => IsIn(Identity.Roles.Approver) || IsIn(Identity.Roles.Admin);
}
