using PolicyEngine.Catalog;

namespace Governance.Api.Console.Pages.Requests;

/// <summary>Access levels in the words of AWS's service authorization reference, in the order an approver weighs them.</summary>
internal static class AccessLevelText
{
    /// <summary>Most consequential first: changing permissions, then changing resources, down to listing them.</summary>
    public static readonly AccessLevel[] Order =
        [AccessLevel.PermissionsManagement, AccessLevel.Write, AccessLevel.Tagging, AccessLevel.Read, AccessLevel.List];

    /// <summary>"Permissions management", "Write", ...</summary>
    public static string Name(AccessLevel level) => level switch
    {
        AccessLevel.PermissionsManagement => "Permissions management",
        _ => level.ToString(),
    };
}
