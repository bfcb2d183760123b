using PolicyEngine.Analysis;
using PolicyEngine.Catalog;

namespace Governance.Core.Risk;

/// <summary>Tells administrators apart: a subject allowed every IAM permissions-management action on every resource, unconditionally.</summary>
/// <remarks>
/// Such a subject can attach <c>AdministratorAccess</c> to itself in one call, so it is reported as admin-equivalent
/// rather than as escalating. One that also holds a spread of other services' actions is a full administrator.
/// </remarks>
internal static class AdminProbe
{
    private static readonly Lazy<string[]> IamPermissionsManagement = new(static () =>
    [
        .. ActionCatalog.Default.Expand("iam:*").Where(static a => a.AccessLevel == AccessLevel.PermissionsManagement).Select(static a => a.FullName),
    ]);

    public static void Classify(Subject subject)
    {
        if (!subject.Analyzer.MayAllow("iam:AttachUserPolicy") || !subject.Analyzer.MayAllow("iam:PutRolePolicy"))
        {
            return;
        }
        var iam = subject.Analyzer.GetEffectiveAccess(new AccessQuery("iam"))
            .Actions.ToDictionary(static a => a.Action, StringComparer.OrdinalIgnoreCase);
        var evidence = new List<PolicyEngine.Evaluation.StatementRef>();
        foreach (var action in IamPermissionsManagement.Value)
        {
            var everywhere = iam.GetValueOrDefault(action)?.Resources.FirstOrDefault(static r => r.Resource == "*" && r.IsUnconditional);
            if (everywhere is null)
            {
                return;
            }
            evidence.AddRange(everywhere.GrantedBy);
        }
        subject.IsIamAdmin = true;
        subject.AdminEvidence = [.. evidence.Distinct()];
        subject.IsFullAdmin = RiskActions.FullAdminSentinels.All(a => subject.Analyzer.Check(a, "*").Verdict == AccessVerdict.Allowed);
    }
}
