using PolicyEngine.Diagnostics;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Allowing <c>iam:PassRole</c> on every role lets the holder hand any role, however powerful, to a service it
/// controls: a classic privilege escalation.
/// </summary>
internal sealed class PassRoleCheck : IPolicyCheck
{
    public string Name => "PassRole";

    public void Check(ValidationContext context)
    {
        if (context.Kind is not (PolicyKind.Identity or PolicyKind.Boundary or PolicyKind.Session))
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Effect != Effect.Allow || statement.Action.IsNot || statement.Resource is not { } resource
                || !statement.Action.Values.Any(static a => Wildcard.IsMatch(a.Value, "iam:PassRole", ignoreCase: true)))
            {
                continue;
            }
            var everyRole = resource.IsNot
                ? resource.Location
                : resource.Values.FirstOrDefault(static v => v.Value == "*") is { Value: not null } star ? star.Location : (SourceLocation?)null;
            if (everyRole is { } location)
            {
                context.Report(DiagnosticCodes.PassRoleOnAnyResource, Severity.SecurityWarning,
                    $"statement `{statement.DisplayName}` allows `iam:PassRole` on every role", location,
                    "name the roles that may be passed, such as `arn:aws:iam::123456789012:role/app-*`, and add an `iam:PassedToService` condition");
            }
        }
    }
}
