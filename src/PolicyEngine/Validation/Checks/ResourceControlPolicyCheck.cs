using PolicyEngine.Diagnostics;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Resource control policies deny only (Allow is reserved for AWS's RCPFullAWSAccess), support no NotAction, and
/// apply only to the services that support RCPs (Organizations, "RCP syntax" and "Resource control policies").
/// </summary>
internal sealed class ResourceControlPolicyCheck : IPolicyCheck
{
    public string Name => "ResourceControlPolicy";

    public void Check(ValidationContext context)
    {
        if (context.Kind != PolicyKind.Rcp)
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Effect == Effect.Allow && !IsFullAccess(statement))
            {
                context.Report(DiagnosticCodes.RcpAllowNotSupported, Severity.Error,
                    $"statement `{statement.DisplayName}` allows; resource control policies can only deny", statement.Location,
                    "use `\"Effect\": \"Deny\"`; every account already has AWS's `RCPFullAWSAccess`");
            }
            if (statement.Action.IsNot)
            {
                context.Report(DiagnosticCodes.UnsupportedElement, Severity.Error,
                    "`NotAction` is not supported in resource control policies", statement.Action.Location,
                    "list the denied actions in `Action`");
                continue;
            }
            foreach (var action in statement.Action.Values)
            {
                CheckService(context, action);
            }
        }
    }

    private static void CheckService(ValidationContext context, LocatedString action)
    {
        var colon = action.Value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }
        var prefix = action.Value[..colon];
        if (Wildcard.HasWildcard(prefix) || !context.Catalog.TryGetService(prefix, out var service) || service!.SupportsRcp)
        {
            return;
        }
        var supported = context.Catalog.Services.Where(static s => s.SupportsRcp).Select(static s => $"`{s.Prefix}`");
        context.Report(DiagnosticCodes.RcpServiceNotSupported, Severity.Error,
            $"resource control policies do not apply to `{prefix}` actions such as `{action.Value}`", action.Location,
            $"RCPs support {string.Join(", ", supported)}");
    }

    /// <summary>AWS's own RCPFullAWSAccess: Allow, Principal "*", Action "*", Resource "*", no condition.</summary>
    private static bool IsFullAccess(Statement statement)
        => statement.Principal is { IsNot: false, IsWildcard: true }
            && statement.Action is { IsNot: false, Values: [{ Value: "*" }] }
            && statement.Resource is { IsNot: false, Values: [{ Value: "*" }] }
            && statement.Conditions.IsEmpty;
}
