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
/// <param name="Effective">
/// Each added action on each requested resource as the whole picture decides it (<see cref="PreviewEffect"/>); null in
/// previews stored before the organisation picture.
/// </param>
/// <param name="Picture">What the effects were computed from: the organisation and the copy's version, or one account whose resource policies are unknown.</param>
/// <param name="NothingAdded">
/// Why the grant would add nothing the role could use (it has the access already, or a layer the grant cannot change
/// denies it), as <see cref="Preview.NothingAdded"/> decides; null when it adds something or that is not certain.
/// </param>
/// <param name="GainedBy">
/// Everyone else who gains the access because they can act as the target role (<c>AccessGainers</c>), outsiders
/// first; null when it was not computed (previews stored before it, or a role the copy does not hold), which the
/// approval rules never take as "nobody".
/// </param>
public sealed record AccessPreview(string Analysis, ImmutableArray<PreviewAction> Actions, ImmutableArray<RiskFinding> Findings,
    ImmutableArray<PreviewEffect>? Effective = null, string? Picture = null, string? NothingAdded = null, ImmutableArray<AccessGainer>? GainedBy = null)
{
    /// <summary>The analysis marker of the first previews, kept in requests stored before <c>DeltaPreviewer</c>.</summary>
    public const string ActionsOnly = "actions-only";

    /// <summary>The analysis marker of <c>DeltaPreviewer</c>.</summary>
    public const string Delta = "delta";
}
