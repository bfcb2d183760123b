using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// <c>Allow</c> with <c>NotAction</c>, <c>NotResource</c> or <c>NotPrincipal</c> grants everything but the listed
/// items, including actions, resources and principals that do not exist yet. SCPs and RCPs grant nothing, so they
/// are not checked.
/// </summary>
internal sealed class BroadGrantCheck : IPolicyCheck
{
    public string Name => "BroadGrant";

    public void Check(ValidationContext context)
    {
        if (context.Kind is PolicyKind.Scp or PolicyKind.Rcp)
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Effect != Effect.Allow)
            {
                continue;
            }
            if (statement.Action.IsNot)
            {
                context.Report(DiagnosticCodes.AllowWithNotAction, Severity.SecurityWarning,
                    $"statement `{statement.DisplayName}` allows every action except those in `NotAction`, including actions AWS adds later",
                    statement.Action.Location, "list the allowed actions in `Action`, or deny the excluded ones in a `Deny` statement");
            }
            if (statement.Resource is { IsNot: true } resource)
            {
                context.Report(DiagnosticCodes.AllowWithNotResource, Severity.SecurityWarning,
                    $"statement `{statement.DisplayName}` allows on every resource except those in `NotResource`",
                    resource.Location, "list the allowed resources in `Resource`");
            }
            if (statement.Principal is { IsNot: true } principal)
            {
                context.Report(DiagnosticCodes.AllowWithNotPrincipal, Severity.SecurityWarning,
                    $"statement `{statement.DisplayName}` allows every principal except those in `NotPrincipal`, anonymous ones included",
                    principal.Location, "name the allowed principals in `Principal`; AWS supports `NotPrincipal` only with `Deny`");
            }
        }
    }
}
