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
public sealed record AccessPreviewDto(string Analysis, IReadOnlyList<AccessPreviewDto.ActionDto> Actions, IReadOnlyList<AccessPreviewDto.FindingDto> Findings)
{
    /// <summary>Maps the domain preview.</summary>
    public static AccessPreviewDto From(AccessPreview p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(p.Analysis,
            [.. p.Actions.Select(static a => new ActionDto(a.Action, a.AccessLevel, a.Resources, a.ConditionKeys))],
            [.. p.Findings.Select(static f => new FindingDto(f.Code, f.Severity, f.Message, f.Actions))]);
    }

    /// <summary>An action with its access level and resources.</summary>
    /// <param name="Action">The action.</param>
    /// <param name="AccessLevel">Its access level.</param>
    /// <param name="Resources">The resource patterns it is added on.</param>
    /// <param name="ConditionKeys">When the access holds only under conditions, the keys a request must carry; null when unconditional.</param>
    public sealed record ActionDto(string Action, AccessLevel AccessLevel, IReadOnlyList<string> Resources, IReadOnlyList<string>? ConditionKeys);

    /// <summary>A risk finding.</summary>
    /// <param name="Code">Stable code.</param>
    /// <param name="Severity">Severity.</param>
    /// <param name="Message">Description.</param>
    /// <param name="Actions">The actions involved.</param>
    public sealed record FindingDto(string Code, RiskSeverity Severity, string Message, IReadOnlyList<string> Actions);
}
