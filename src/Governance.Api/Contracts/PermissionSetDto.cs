using Governance.Core.Policies.PermissionSets;

namespace Governance.Api.Contracts;

/// <summary>A requestable permission set.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="AllowedResources">The resource patterns a request may name.</param>
/// <param name="MaxDurationHours">The longest grant.</param>
/// <param name="ApprovalsRequired">Approvals the set itself asks for (the rules may ask for more).</param>
/// <param name="RequesterRoles">Who may request it.</param>
/// <param name="AutoApprovable">True when the approval rules may approve it automatically.</param>
/// <param name="Statements">The statements it grants, with placeholders.</param>
public sealed record PermissionSetDto(
    string Name, string Description, IReadOnlyList<string> AllowedResources, int MaxDurationHours, int ApprovalsRequired,
    IReadOnlyList<string> RequesterRoles, bool AutoApprovable, IReadOnlyList<PermissionSetDto.StatementDto> Statements)
{
    /// <summary>Maps the domain set.</summary>
    public static PermissionSetDto From(PermissionSet s, bool autoApprovable)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Name, s.Description, [.. s.AllowedResources.Select(static p => p.Pattern)], s.MaxDurationHours, s.ApprovalsRequired,
            s.RequesterRoles, autoApprovable, [.. s.Statements.Select(static st => new StatementDto(st.Sid, st.Actions, st.Resources))]);
    }

    /// <summary>A statement of the set.</summary>
    /// <param name="Sid">Its Sid.</param>
    /// <param name="Actions">Its actions.</param>
    /// <param name="Resources">Its resources or placeholders.</param>
    public sealed record StatementDto(string? Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources);
}
