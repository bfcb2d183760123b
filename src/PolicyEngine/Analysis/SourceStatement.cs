using System.Collections.Immutable;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace PolicyEngine.Analysis;

/// <summary>A statement of a policy set as the analysis reads it: where it is, what it says, and which catalogue actions it covers.</summary>
/// <param name="Ref">Where it is written, as the engine names it.</param>
/// <param name="Statement">The statement.</param>
/// <param name="Actions">The catalogue actions its Action or NotAction covers.</param>
internal sealed record SourceStatement(StatementRef Ref, Statement Statement, ImmutableArray<ActionInfo> Actions)
{
    /// <summary>True for an Allow in an identity or resource policy: a statement that can grant.</summary>
    public bool Grants => Statement.Effect == Effect.Allow && Ref.PolicyType is PolicyType.Identity or PolicyType.Resource;

    /// <summary>The resource patterns it names; <c>*</c> for NotResource (every resource but some) or no Resource element.</summary>
    public IEnumerable<string> ResourcePatterns => Statement.Resource is { IsNot: false } resource
        ? resource.Values.Select(static v => v.Value)
        : ["*"];
}
