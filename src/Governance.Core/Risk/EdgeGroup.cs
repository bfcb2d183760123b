using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>A caller's edges into the roles of one trust policy text: which roles (shared, <see cref="EdgeTargets"/>), and what decides them.</summary>
/// <param name="Caller">The caller.</param>
/// <param name="Trust">The trust policy the roles share.</param>
/// <param name="Targets">The roles the caller may assume.</param>
internal sealed record EdgeGroup(Subject Caller, NamedPolicy Trust, EdgeTargets Targets)
{
    private AccessAnalyzer? _decider;

    /// <summary>
    /// The caller's policies with the trust policy as resource policy, which decide the edges; compiled again only for
    /// the evidence of a reported chain, so the graph holds no compiled policies (an organisation's would not fit).
    /// </summary>
    public AccessAnalyzer Decider
    {
        get
        {
            if (Volatile.Read(ref _decider) is { } decider)
            {
                return decider;
            }
            var compiled = Caller.Analyzer.WithResourcePolicy(Trust);
            return Interlocked.CompareExchange(ref _decider, compiled, null) ?? compiled;
        }
    }

    /// <summary>The edge to the role at <paramref name="index"/> of <see cref="Targets"/>.</summary>
    public RoleEdge Edge(int index) => new(Targets.Roles[index], this, Targets.ConditionKeys[index]);
}
