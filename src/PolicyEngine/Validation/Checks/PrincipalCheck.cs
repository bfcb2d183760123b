using PolicyEngine.Diagnostics;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// Identity policies, boundaries, session policies and SCPs name no principal (they apply to the identity or account
/// they are attached to); resource-based (S3 access point policies among them), trust, resource control and VPC endpoint policies must name one ("It must
/// contain a Principal element", vpc-endpoints-access.html). Trust policies and RCPs do not support NotPrincipal, and
/// an RCP's Principal must be <c>"*"</c>.
/// </summary>
internal sealed class PrincipalCheck : IPolicyCheck
{
    public string Name => "Principal";

    public void Check(ValidationContext context)
    {
        var kind = context.Kind;
        var needsPrincipal = kind is PolicyKind.Resource or PolicyKind.Trust or PolicyKind.Rcp or PolicyKind.AccessPoint or PolicyKind.VpcEndpoint;
        foreach (var statement in context.Document.Statements)
        {
            var principal = statement.Principal;
            if (principal is null)
            {
                if (needsPrincipal)
                {
                    context.Report(DiagnosticCodes.MissingPrincipal, Severity.Error,
                        $"statement `{statement.DisplayName}` has no `Principal`; {PolicyKindText.Plural(kind)} must name one",
                        statement.Location,
                        kind switch
                        {
                            PolicyKind.Rcp => "add `\"Principal\": \"*\"`",
                            // Gateway endpoints accept only "*" (vpc-endpoints-access.html, "Principals for gateway endpoints").
                            PolicyKind.VpcEndpoint => "add `\"Principal\": \"*\"` and name principals with a condition on `aws:PrincipalArn`",
                            _ => "add a `Principal` such as `{\"AWS\": \"arn:aws:iam::123456789012:root\"}`",
                        });
                }
                continue;
            }
            var element = principal.IsNot ? "NotPrincipal" : "Principal";
            if (!needsPrincipal)
            {
                context.Report(DiagnosticCodes.PrincipalNotAllowed, Severity.Error,
                    $"`{element}` is not allowed in {PolicyKindText.Plural(kind)}", principal.Location,
                    kind == PolicyKind.Scp
                        ? "an SCP applies to the accounts it is attached to; use a condition on `aws:PrincipalArn` to single out principals"
                        : $"{PolicyKindText.Singular(kind)} applies to the identity it is attached to; remove `{element}`");
                continue;
            }
            if (principal.IsNot && kind is PolicyKind.Trust or PolicyKind.Rcp)
            {
                context.Report(DiagnosticCodes.UnsupportedElement, Severity.Error,
                    $"`NotPrincipal` is not supported in {PolicyKindText.Plural(kind)}", principal.Location,
                    "use `Principal` with a condition on `aws:PrincipalArn` instead");
                continue;
            }
            if (kind == PolicyKind.Rcp && !principal.IsWildcard)
            {
                context.Report(DiagnosticCodes.RcpPrincipalNotWildcard, Severity.Error,
                    "the `Principal` of a resource control policy must be `\"*\"`", principal.Location,
                    "write `\"Principal\": \"*\"` and select principals with conditions such as `aws:PrincipalOrgID`");
            }
        }
    }
}
