using Governance.Core.Accounts.Organization;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// The one-line summary of an <see cref="OrganizationAnswer"/>, in words: the layer and statement that decided, or the
/// side that does not grant, so that an answer from the whole picture says where to look.
/// </summary>
internal static class AnswerSummary
{
    /// <summary>One line naming the layer that decided: the statement of a deny, the SCP level that allows nothing, the side that does not grant.</summary>
    public static string Of(OrganizationSnapshot snapshot, ResolvedPrincipal principal, AccessQuestion question, AuthorizationResult result)
    {
        var explanation = result.Explanation;
        var resourcePolicy = explanation.Statements.FirstOrDefault(static o => o.Statement.PolicyType == PolicyType.Resource)?.Statement.PolicyName;
        var resourceAccount = question.Guardrails.ResourceAccount ?? (Arn.TryParse(question.Resource, out var arn) && arn.Account.Length > 0 ? arn.Account : principal.AccountId);
        return explanation.Reason switch
        {
            DecisionReason.ExplicitDeny when result.DecidingStatements.FirstOrDefault() is { } deny => $"{Layer(deny)} denies ({Where(deny)})",
            DecisionReason.ServiceControlPolicyDoesNotAllow when explanation.Level is { } level
                && snapshot.ServiceControlPolicyLevels(principal.AccountId) is var levels && level < levels.Length
                => $"no SCP attached to {Describe(levels[level].Node)} allows `{question.Action}`",
            DecisionReason.CrossAccountResourcePolicyDoesNotAllow => resourcePolicy is null
                ? $"cross-account: `{question.Resource}` (account {resourceAccount}) has no resource policy, so nothing grants {principal.AccountId}"
                : $"cross-account: the {resourcePolicy} does not grant {principal.AccountId}",
            DecisionReason.CrossAccountIdentityDoesNotAllow
                => $"cross-account: the policies of `{principal.Arn}` in account {principal.AccountId} do not allow `{question.Action}`",
            DecisionReason.ResourcePolicyRequired => resourcePolicy is null
                ? $"`{question.Resource}` has no resource policy to allow `{principal.Arn}`, and it must"
                : $"the {resourcePolicy} does not allow `{principal.Arn}`, and it must",
            DecisionReason.PermissionsBoundaryDoesNotAllow when principal.PermissionsBoundary is { } boundary
                => $"the permissions boundary `{boundary.Name}` of `{principal.Arn}` does not allow `{question.Action}`",
            DecisionReason.VpcEndpointPolicyDoesNotAllow
                => $"the VPC endpoint policy does not allow `{principal.Arn}` to call `{question.Action}` on `{question.Resource}`",
            DecisionReason.RestrictedByBlockPublicAccess => $"S3 Block Public Access: the {resourcePolicy ?? "bucket policy"} is public and " +
                $"RestrictPublicBuckets is on, so it grants nothing outside account {resourceAccount}",
            DecisionReason.NoAllow => $"no identity policy of `{principal.Arn}` and no resource policy allows `{question.Action}`",
            DecisionReason.AllowedByIdentity or DecisionReason.AllowedByResourcePolicy or DecisionReason.AllowedByAccessControlList
                when result.DecidingStatements.FirstOrDefault() is { } allow
                => $"{Layer(allow)} allows ({Where(allow)})",
            _ => ExplanationFormatter.Describe(explanation),
        };
    }

    /// <summary>The summary of an answer for a caller whose own policies are unknown: which side decided, and that the caller's is assumed.</summary>
    public static string Assumed(AuthorizationResult result, string summary)
    {
        const string Unknown = "its own account's policies are unknown";
        if (result.Decision == Decision.Allow)
        {
            var grant = result.DecidingStatements.FirstOrDefault(static s => s.PolicyType == PolicyType.Resource);
            return $"{Unknown} (assumed to allow); the resource side allows" + (grant is null ? string.Empty : $": {Layer(grant)} grants it ({Where(grant)})");
        }
        var resourceSide = result.Explanation.Reason is DecisionReason.CrossAccountResourcePolicyDoesNotAllow or DecisionReason.ResourcePolicyRequired
            or DecisionReason.RestrictedByBlockPublicAccess
            || result.DecidingStatements.Any(static s => s.PolicyType is PolicyType.Resource or PolicyType.ResourceControl);
        return resourceSide ? $"{Unknown}; the resource side denies: {summary}" : $"{Unknown}; denied whatever they allow: {summary}";
    }

    private static string Layer(StatementRef statement) => statement.PolicyType switch
    {
        PolicyType.Identity => $"the identity policy `{statement.PolicyName}`",
        PolicyType.PermissionsBoundary => $"the permissions boundary `{statement.PolicyName}`",
        PolicyType.Session => $"the session policy `{statement.PolicyName}`",
        PolicyType.Resource => $"the {statement.PolicyName}",
        PolicyType.AccessPoint => $"the access point policy `{statement.PolicyName}`",
        PolicyType.VpcEndpoint => $"the VPC endpoint policy `{statement.PolicyName}`",
        PolicyType.AccessControlList => $"the S3 ACL `{statement.PolicyName}`",
        _ => statement.PolicyName,
    };

    private static string Where(StatementRef statement)
        => (statement.Sid is { Length: > 0 } sid ? $"Sid `{sid}`" : statement.DisplayName) + $", line {statement.Line}";

    /// <summary>How a root, OU or account is named in a summary.</summary>
    public static string Describe(OrganizationNode node) => node.Kind switch
    {
        PolicyTargetType.Root => $"root `{node.Name}`",
        PolicyTargetType.OrganizationalUnit => $"OU `{node.Name}`",
        _ => node.Name.Length > 0 && node.Name != node.Id ? $"account `{node.Name}` ({node.Id})" : $"account {node.Id}",
    };
}
