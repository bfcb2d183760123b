using System.Collections.Immutable;

namespace Governance.Core.Risk;

/// <summary>One published way to gain more permissions: the actions it needs, and what they act on.</summary>
/// <param name="Id">A stable id, such as <c>lambda-create-invoke</c>.</param>
/// <param name="Name">A short name for people.</param>
/// <param name="Steps">The actions, each step a set of alternatives; every step must be allowed.</param>
/// <param name="Target">What the actions act on.</param>
/// <param name="Service">For <see cref="EscalationTarget.PassedRole"/> and <see cref="EscalationTarget.ServiceRole"/>: the service principal the role must trust, such as <c>lambda.amazonaws.com</c>.</param>
/// <param name="Source">Where the path is published.</param>
public sealed record EscalationPath(
    string Id,
    string Name,
    ImmutableArray<ImmutableArray<string>> Steps,
    EscalationTarget Target,
    string? Service,
    string Source)
{
    /// <summary>Every action any step names.</summary>
    public IEnumerable<string> AllActions => Steps.SelectMany(static s => s);
}
