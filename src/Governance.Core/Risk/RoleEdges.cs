using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>The roles a caller may assume, by trust policy text (<see cref="EdgeGroup"/>).</summary>
/// <param name="Caller">The caller.</param>
/// <param name="Groups">Its edges, a group for each trust text that lets it assume a role other than itself.</param>
internal sealed record RoleEdges(Subject Caller, ImmutableArray<EdgeGroup> Groups)
{
    /// <summary>Every edge, the caller's own role left out (a role does not escalate by assuming itself).</summary>
    public IEnumerable<RoleEdge> All
    {
        get
        {
            foreach (var group in Groups)
            {
                for (var i = 0; i < group.Targets.Roles.Length; i++)
                {
                    if (!ReferenceEquals(group.Targets.Roles[i], Caller))
                    {
                        yield return group.Edge(i);
                    }
                }
            }
        }
    }

    /// <summary>The roles, the caller's own left out.</summary>
    public IEnumerable<Subject> Roles => Groups.SelectMany(static g => g.Targets.Roles).Where(r => !ReferenceEquals(r, Caller));
}
