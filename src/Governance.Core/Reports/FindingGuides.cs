using Governance.Core.Risk;

namespace Governance.Core.Reports;

/// <summary>The one catalogue of <see cref="FindingGuide"/>s: one per finding category, which every report that explains a finding reads.</summary>
public static class FindingGuides
{
    private const string UserGuide = "https://docs.aws.amazon.com/IAM/latest/UserGuide/";

    private static readonly DocumentationLink LeastPrivilege = new("Security best practices in IAM: apply least-privilege permissions", UserGuide + "best-practices.html#grant-least-privilege");
    private static readonly DocumentationLink ResourceElement = new("IAM JSON policy elements: Resource", UserGuide + "reference_policies_elements_resource.html");
    private static readonly DocumentationLink AccessAnalyzerFindings = new("IAM Access Analyzer findings", UserGuide + "access-analyzer-findings.html");

    /// <summary>The guide to findings of <paramref name="category"/>.</summary>
    public static FindingGuide For(FindingCategory category) => category switch
    {
        FindingCategory.PrivilegeEscalation => new(
            "The principal is not an administrator, but the listed actions let it give itself, or a role it can pass or assume, more permissions: whoever holds its credentials can become an administrator.",
            "Remove the actions that change IAM or pass roles, or restrict their `Resource` to named roles and policies; put a permissions boundary on principals that must manage IAM, and limit `iam:PassRole` with `iam:PassedToService`.",
            [
                new("Grant a user permissions to pass a role to an AWS service", UserGuide + "id_roles_use_passrole.html"),
                new("Permissions boundaries for IAM entities", UserGuide + "access_policies_boundaries.html"),
            ]),
        FindingCategory.AdminEquivalent => new(
            "The principal can do anything in the account, or grant itself anything at once: its credentials are the account.",
            "Keep administrator access to a few break-glass roles that require MFA; give everyone else job-function policies, and replace `\"Action\": \"*\"` grants with the actions the job needs.",
            [LeastPrivilege, new("AWS managed policies for job functions", UserGuide + "access_policies_job-functions.html")]),
        FindingCategory.DataExfiltration => new(
            "The principal can read secrets, parameters, keys or objects on every resource (`\"Resource\": \"*\"`), so any data in the account can leave through it.",
            "List the buckets, secrets, parameters or keys it needs in `Resource`, or add conditions (`aws:ResourceTag`, `aws:ResourceAccount`) that narrow it.",
            [ResourceElement, LeastPrivilege]),
        FindingCategory.ResourceExposure => new(
            "The principal can change resource policies or permissions on any resource, and so share a bucket, key or topic with anyone, inside or outside the organisation.",
            "Restrict the policy-writing actions to named resources, or deny them with an SCP outside a few administrators; watch the result with IAM Access Analyzer.",
            [ResourceElement, AccessAnalyzerFindings]),
        FindingCategory.CredentialsExposure => new(
            "The principal can create or read credentials (access keys, login profiles, temporary credentials) for other principals and act as them.",
            "Allow credential actions only on the caller's own user (`arn:aws:iam::*:user/${aws:username}`), and prefer roles with temporary credentials to access keys.",
            [new("Manage access keys for IAM users", UserGuide + "id_credentials_access-keys.html"), LeastPrivilege]),
        FindingCategory.InfrastructureModification => new(
            "The principal can change infrastructure (instances, networks, functions, databases) on every resource, not only on what it owns.",
            "Scope the write actions to the resources it manages, by ARN or by tag conditions, and remove actions it has not used (IAM last accessed information shows which).",
            [ResourceElement, new("Refine permissions in AWS using last accessed information", UserGuide + "access_policies_last-accessed.html")]),
        FindingCategory.OutsideAccess => new(
            "A resource's own policy lets a principal outside the organisation, or anyone, use it: the resource's data or permissions reach beyond the accounts you control.",
            "Name the intended principals in the resource policy and add `aws:PrincipalOrgID`; for an AWS service, add `aws:SourceAccount` or `aws:SourceArn`; for a third party's role, require `sts:ExternalId`.",
            [AccessAnalyzerFindings, new("The confused deputy problem", UserGuide + "confused-deputy.html")]),
        FindingCategory.KeyDelegation => new(
            "The key policy trusts another account's IAM (`arn:aws:iam::ACCOUNT:root`), so that account's administrators, not you, decide who may use the key.",
            "Name the other account's roles in the key policy instead of its root, or add conditions such as `kms:ViaService` and `aws:PrincipalOrgID`.",
            [new("Default key policy: allows access to the AWS account and enables IAM policies", "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html#key-policy-default-allow-root-enable-iam")]),
        FindingCategory.IneffectiveGuardrail => new(
            "The SCP or RCP does not restrict what it appears meant to (it is neutralised, misaddressed or attached nowhere), so the accounts rely on a control that is not there.",
            "Attach the policy where it is meant to apply and fix the statement the finding marks; then ask `iamgov can-i` about a request it should deny.",
            [
                new("Service control policies (SCPs)", "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html"),
                new("Resource control policies (RCPs)", "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html"),
            ]),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "no guide for this category"),
    };
}
