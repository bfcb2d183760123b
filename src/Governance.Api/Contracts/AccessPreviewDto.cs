using Governance.Core.Risk;
using Governance.Core.Workflow.Preview;
using PolicyEngine.Catalog;

namespace Governance.Api.Contracts;

/// <summary>What a request would add. <c>analysis</c> says how it was computed: <c>delta</c> compares the target role's
/// access with and without the grant and lists the risk findings the grant adds; <c>actions-only</c> (older requests)
/// lists the granted actions without comparing them with the role's current access and without risk analysis.</summary>
/// <param name="Analysis">How the preview was computed.</param>
/// <param name="Actions">The actions added.</param>
/// <param name="Findings">Risk findings.</param>
/// <param name="Effective">
/// Each added action on each requested resource as the whole organisation decides it (SCPs, the resource's policy,
/// RCPs, both sides across accounts): what the grant really adds, or why it adds nothing. Null for older requests.
/// </param>
/// <param name="Picture">What <paramref name="Effective"/> was computed from.</param>
/// <param name="NothingAdded">Why the grant would add nothing the role could use (it has it, or a boundary, SCP or resource policy denies it); null when it adds something.</param>
/// <param name="GainedBy">
/// Everyone else who gains the access because they can act as the target role (directly, through a chain of roles, as
/// an AWS service, or as anyone), outsiders first, then by ARN. Null for older requests.
/// </param>
public sealed record AccessPreviewDto(string Analysis, IReadOnlyList<AccessPreviewDto.ActionDto> Actions, IReadOnlyList<AccessPreviewDto.FindingDto> Findings,
    IReadOnlyList<AccessPreviewDto.EffectDto>? Effective, string? Picture, string? NothingAdded, IReadOnlyList<AccessPreviewDto.GainerDto>? GainedBy)
{
    /// <summary>Maps the domain preview.</summary>
    public static AccessPreviewDto From(AccessPreview p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Analysis,
            [.. p.Actions.Select(static a => new ActionDto(a.Action, a.AccessLevel, a.Resources, a.ConditionKeys))],
            [.. p.Findings.Select(static f => new FindingDto(f.Code, f.Severity, f.Message, f.Actions))],
            p.Effective is { } effective
                ? [.. effective.Select(static e => new EffectDto(e.Action, e.Resource, e.Before.ToString(), e.After.ToString(), e.Adds, e.Summary, e.Notes))]
                : null,
            p.Picture, p.NothingAdded,
            p.GainedBy is { } gainers
                ? [.. gainers.Select(static g => new GainerDto(g.Arn, g.Kind.ToString(), g.AccountId, g.InsideOrganization, g.Chain, g.AlreadyHolds, g.Owner, g.ConditionKeys))]
                : null);
    }

    /// <summary>A principal that gains the access through the target role.</summary>
    /// <param name="Arn">Its ARN; an account's root, a service's name, <c>*</c> for anyone, or a federated provider.</param>
    /// <param name="Kind"><c>Role</c>, <c>User</c>, <c>Account</c>, <c>Service</c>, <c>Anyone</c> or <c>Federated</c>.</param>
    /// <param name="AccountId">Its account, when it has one.</param>
    /// <param name="InsideOrganization">False for outsiders: other accounts, anyone, federated identities.</param>
    /// <param name="Chain">How it reaches the role: <c>user/alice -&gt; role/a -&gt; role/target</c>.</param>
    /// <param name="AlreadyHolds">True when it can already do everything the grant adds, so it gains nothing new.</param>
    /// <param name="Owner">The requester its <c>iamgov:owner</c> tag names (inside the organisation only).</param>
    /// <param name="ConditionKeys">Keys it must supply to act as the role (MFA, an external id).</param>
    public sealed record GainerDto(string Arn, string Kind, string? AccountId, bool InsideOrganization, string Chain, bool AlreadyHolds, string? Owner,
        IReadOnlyList<string> ConditionKeys);

    /// <summary>An action with its access level and resources.</summary>
    /// <param name="Action">The action.</param>
    /// <param name="AccessLevel">Its access level.</param>
    /// <param name="Resources">The resource patterns it is added on.</param>
    /// <param name="ConditionKeys">When the access holds only under conditions, the keys a request must carry; null when unconditional.</param>
    public sealed record ActionDto(string Action, AccessLevel AccessLevel, IReadOnlyList<string> Resources, IReadOnlyList<string>? ConditionKeys);

    /// <summary>One action on one resource, decided with and without the grant against the whole picture.</summary>
    /// <param name="Action">The action.</param>
    /// <param name="Resource">The resource.</param>
    /// <param name="Before">The decision without the grant.</param>
    /// <param name="After">The decision with it.</param>
    /// <param name="Adds">True when the grant makes it allowed.</param>
    /// <param name="Summary">What it adds, or why nothing, naming the deciding layer.</param>
    /// <param name="Notes">What the answer could not know.</param>
    public sealed record EffectDto(string Action, string Resource, string Before, string After, bool Adds, string Summary, IReadOnlyList<string> Notes);

    /// <summary>A risk finding.</summary>
    /// <param name="Code">Stable code.</param>
    /// <param name="Severity">Severity.</param>
    /// <param name="Message">Description.</param>
    /// <param name="Actions">The actions involved.</param>
    public sealed record FindingDto(string Code, RiskSeverity Severity, string Message, IReadOnlyList<string> Actions);
}
