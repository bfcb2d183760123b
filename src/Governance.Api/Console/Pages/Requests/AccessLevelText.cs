using PolicyEngine.Catalog;

namespace Governance.Api.Console.Pages.Requests;

/// <summary>Access levels in the order an approver weighs them (their words: <see cref="Governance.Core.Reports.PolicyWords.AccessLevel"/>).</summary>
internal static class AccessLevelText
{
    /// <summary>Most consequential first: changing permissions, then changing resources, down to listing them.</summary>
    public static readonly AccessLevel[] Order =
        [AccessLevel.PermissionsManagement, AccessLevel.Write, AccessLevel.Tagging, AccessLevel.Read, AccessLevel.List];
}
