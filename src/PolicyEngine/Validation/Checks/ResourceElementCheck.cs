using PolicyEngine.Diagnostics;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Identity, boundary, session and resource-based statements must name their resources (IAM: "Policy statement
/// must contain resources"); a role trust policy's resource is the role itself, so IAM refuses a Resource there.
/// </summary>
internal sealed class ResourceElementCheck : IPolicyCheck
{
    public string Name => "ResourceElement";

    public void Check(ValidationContext context)
    {
        var kind = context.Kind;
        foreach (var statement in context.Document.Statements)
        {
            var resource = statement.Resource;
            if (kind == PolicyKind.Trust)
            {
                if (resource is not null)
                {
                    var element = resource.IsNot ? "NotResource" : "Resource";
                    context.Report(DiagnosticCodes.UnsupportedElement, Severity.Error,
                        $"`{element}` is not supported in role trust policies", resource.Location,
                        "a trust policy applies to its role; remove the element");
                }
                continue;
            }
            if (resource is null && kind is PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Session or PolicyKind.Resource
                or PolicyKind.AccessPoint)
            {
                context.Report(DiagnosticCodes.MissingResource, Severity.Error,
                    $"statement `{statement.DisplayName}` has no `Resource` or `NotResource`", statement.Location,
                    "add `\"Resource\": \"*\"` or the ARNs the statement is about");
            }
        }
    }
}
