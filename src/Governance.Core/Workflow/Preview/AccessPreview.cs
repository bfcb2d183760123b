using System.Collections.Immutable;

namespace Governance.Core.Workflow.Preview;

/// <summary>What a request would add to its target role, and the risks that come with it.</summary>
/// <param name="Analysis">
/// How it was computed: <see cref="Delta"/> compares the role's access with and without the grant and runs the risk
/// analysis; <see cref="ActionsOnly"/> (older requests) lists the granted actions without comparing them with what the
/// role already has and without risk analysis, so its findings are always empty.
/// </param>
/// <param name="Actions">The actions added, by name.</param>
/// <param name="Findings">The risk findings.</param>
public sealed record AccessPreview(string Analysis, ImmutableArray<PreviewAction> Actions, ImmutableArray<RiskFinding> Findings)
{
    /// <summary>The analysis marker of the first previews, kept in requests stored before <see cref="DeltaPreviewer"/>.</summary>
    public const string ActionsOnly = "actions-only";

    /// <summary>The analysis marker of <see cref="DeltaPreviewer"/>.</summary>
    public const string Delta = "delta";
}
