using PolicyEngine.Diagnostics;
using PolicyEngine.Matching;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// IAM refuses a role trust policy whose actions are not role-assumption actions
/// ("AssumeRole policy may only specify STS AssumeRole actions"). A pattern passes when it matches one of them.
/// </summary>
internal sealed class TrustPolicyCheck : IPolicyCheck
{
    private static readonly string[] TrustActions =
    [
        "sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity",
        "sts:TagSession", "sts:SetSourceIdentity", "sts:SetContext",
    ];

    public string Name => "TrustPolicy";

    public void Check(ValidationContext context)
    {
        if (context.Kind != PolicyKind.Trust)
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Action.IsNot)
            {
                continue;
            }
            foreach (var action in statement.Action.Values)
            {
                if (!TrustActions.Any(a => Wildcard.IsMatch(action.Value, a, ignoreCase: true)))
                {
                    context.Report(DiagnosticCodes.InvalidTrustAction, Severity.Error,
                        $"`{action.Value}` is not an action a role trust policy can name", action.Location,
                        "trust policies name `sts:AssumeRole`, `sts:AssumeRoleWithSAML`, `sts:AssumeRoleWithWebIdentity`, "
                        + "`sts:TagSession`, `sts:SetSourceIdentity` or `sts:SetContext`; grant other actions in a permissions policy");
                }
            }
        }
    }
}
