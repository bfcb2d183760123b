namespace Governance.Cli.Validation;

/// <summary>How the summary counts the documents of a run, by category.</summary>
internal static class DocumentCounts
{
    /// <summary>Each category with documents, in <see cref="DocumentCategory"/> order, with its count.</summary>
    public static IReadOnlyList<(DocumentCategory Category, int Count)> Of(ValidationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Files.SelectMany(static f => f.Documents)
            .GroupBy(static d => d.Category)
            .OrderBy(static g => g.Key)
            .Select(static g => (g.Key, g.Count()))];
    }

    /// <summary>The managed policies and boundaries roles name by ARN, over the whole run.</summary>
    public static ArnReferences References(ValidationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Files.Aggregate(ArnReferences.None, static (sum, f) => sum + f.ArnReferences);
    }

    /// <summary>The name JSON uses for a category: <c>scp</c>, <c>role-trust</c>, <c>permission-set</c>, ...</summary>
    public static string Key(DocumentCategory category) => category switch
    {
        DocumentCategory.Scp => "scp",
        DocumentCategory.Rcp => "rcp",
        DocumentCategory.RoleTrust => "role-trust",
        DocumentCategory.RoleInline => "role-inline",
        DocumentCategory.PermissionSet => "permission-set",
        DocumentCategory.Identity => "identity",
        DocumentCategory.Resource => "resource",
        DocumentCategory.Trust => "trust",
        DocumentCategory.Boundary => "boundary",
        DocumentCategory.VpcEndpoint => "vpc-endpoint",
        _ => "session",
    };

    /// <summary><c>1 service control policy</c>, <c>6 service control policies</c>.</summary>
    public static string Words(DocumentCategory category, int count)
    {
        var (one, many) = category switch
        {
            DocumentCategory.Scp => ("service control policy", "service control policies"),
            DocumentCategory.Rcp => ("resource control policy", "resource control policies"),
            DocumentCategory.RoleTrust => ("role trust policy", "role trust policies"),
            DocumentCategory.RoleInline => ("role inline policy", "role inline policies"),
            DocumentCategory.PermissionSet => ("permission set", "permission sets"),
            DocumentCategory.Identity => ("identity policy", "identity policies"),
            DocumentCategory.Resource => ("resource-based policy", "resource-based policies"),
            DocumentCategory.Trust => ("trust policy", "trust policies"),
            DocumentCategory.Boundary => ("permissions boundary", "permissions boundaries"),
            DocumentCategory.VpcEndpoint => ("VPC endpoint policy", "VPC endpoint policies"),
            _ => ("session policy", "session policies"),
        };
        return $"{count} {(count == 1 ? one : many)}";
    }
}
