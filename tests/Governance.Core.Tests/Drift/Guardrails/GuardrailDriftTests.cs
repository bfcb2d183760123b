using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using Governance.Core.Drift.Records;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Drift.Guardrails.GuardrailTestOrganization;

namespace Governance.Core.Tests.Drift.Guardrails;

/// <summary>
/// Guardrail drift, each expected outcome derived from AWS's evaluation rules: at every SCP level some SCP must allow and
/// any Deny denies (orgs_manage_policies_scps_evaluation.html); RCPs only deny, RCPFullAWSAccess allowing at every level
/// (orgs_manage_policies_rcps_evaluation.html).
/// </summary>
public sealed partial class GuardrailDriftTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);

    private const string RegionLockEuWest1 = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DataStaysInTheEu","Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*",
          "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1"]}}}]}
        """;

    private const string RegionLockBothRegions = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DataStaysInTheEu","Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*",
          "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]}}}]}
        """;

    private const string ProtectAuditTrail = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"KeepCloudTrailOn","Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Resource":"*"},
          {"Sid":"KeepConfigOn","Effect":"Deny","Action":["config:StopConfigurationRecorder","config:DeleteConfigurationRecorder","config:DeleteDeliveryChannel"],"Resource":"*"}]}
        """;

    private const string DataAllowList = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DataServicesOnly","Effect":"Allow","Action":["s3:*","glue:*","iam:*","sts:*"],"Resource":"*"}]}
        """;

    private const string ProtectLakeBuckets = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["s3:DeleteBucket","s3:PutBucketPolicy"],"Resource":"arn:aws:s3:::lake-*"}]}
        """;

    private const string DenyOutsidePrincipals = """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyOutside","Effect":"Deny","Principal":"*","Action":["s3:*","kms:*"],"Resource":"*",
          "Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-test000001"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}
        """;

    [Fact]
    public void Compare_RegionLockAllowsAnotherRegion_HighPolicyDriftNamingTheRegion()
    {
        // Arrange: code denies every action but iam and sts outside eu-west-1; the organisation's copy also lets
        // us-east-1 through. A request for ec2:RunInstances in us-east-1: code's StringNotEquals holds (us-east-1 is
        // not eu-west-1), so it is denied; the organisation's does not hold, so nothing denies it: weaker, so High.
        var desired = Guardrails(Scp("region-lock", RegionLockEuWest1, "root"));
        var organization = new GuardrailTestOrganization().Scp("region-lock", RegionLockBothRegions, RootId).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, "scp/region-lock", RiskSeverity.High), (finding.Kind, finding.Principal, finding.Severity));
        Assert.StartsWith("SCP `region-lock` decides differently from code: no longer denied: ", finding.Detail, StringComparison.Ordinal);
        Assert.EndsWith(" on * when `aws:RequestedRegion` = `us-east-1`", finding.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("now denied", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CompareDecisions_RegionLockAllowsAnotherRegion_OnlyNonExemptActionsInThatRegionChange()
    {
        // Arrange
        var code = NamedPolicy.Parse("code", RegionLockEuWest1);
        var actual = NamedPolicy.Parse("organisation", RegionLockBothRegions);

        // Act
        var (probes, changes) = GuardrailDecisions.Compare(OrganizationPolicyType.ServiceControlPolicy, code, actual, Now);

        // Assert: in eu-west-1 and in any third region both deny alike; iam and sts are outside the deny (NotAction).
        var runInstances = Assert.Single(changes, static c => c.Action == "ec2:RunInstances");
        Assert.Equal(("no longer denied", true), (runInstances.Change, runInstances.Weakens));
        Assert.Equal("`aws:RequestedRegion` = `us-east-1`", probes[runInstances.Probe].Description);
        Assert.All(changes, c => Assert.Equal(runInstances.Probe, c.Probe));
        Assert.DoesNotContain(changes, static c => c.Action.StartsWith("iam:", StringComparison.Ordinal) || c.Action.StartsWith("sts:", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_DenyStatementRemoved_HighPolicyDriftListingTheActionsNoLongerDenied()
    {
        // Arrange: the organisation's copy has lost KeepConfigOn; its three config actions are no longer denied for
        // any request, the CloudTrail ones still are.
        var desired = Guardrails(Scp("protect-audit-trail", ProtectAuditTrail, "root"));
        var organization = new GuardrailTestOrganization()
            .Scp("protect-audit-trail", """
                {"Version":"2012-10-17","Statement":[
                  {"Sid":"KeepCloudTrailOn","Effect":"Deny","Action":["cloudtrail:StopLogging","cloudtrail:DeleteTrail"],"Resource":"*"}]}
                """, RootId)
            .Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, RiskSeverity.High), (finding.Kind, finding.Severity));
        Assert.Equal("SCP `protect-audit-trail` decides differently from code: no longer denied: "
            + "config:DeleteConfigurationRecorder, config:DeleteDeliveryChannel, config:StopConfigurationRecorder on *", finding.Detail);
    }

    [Fact]
    public void Compare_AllowListGainsAService_HighPolicyDriftNowAllowed()
    {
        // Arrange: an allow-list SCP lets through only what it allows; the organisation's also allows ec2:*, so at its
        // level every ec2 action is now allowed. It denies nothing, so nothing is "no longer denied".
        var desired = Guardrails(Scp("DataAllowList", DataAllowList, "ou:Data"));
        var organization = new GuardrailTestOrganization()
            .Scp("DataAllowList", DataAllowList.Replace("\"sts:*\"", "\"sts:*\",\"ec2:*\"", StringComparison.Ordinal), DataOu)
            .Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, RiskSeverity.High), (finding.Kind, finding.Severity));
        Assert.StartsWith("SCP `DataAllowList` decides differently from code: now allowed: ec2 (", finding.Detail, StringComparison.Ordinal);
        Assert.EndsWith(" actions) on *", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_AllowListLosesAService_MediumPolicyDriftNoLongerAllowed()
    {
        // Arrange: without glue:* the level allows less: stricter, which may break workloads but weakens nothing.
        var desired = Guardrails(Scp("DataAllowList", DataAllowList, "ou:Data"));
        var organization = new GuardrailTestOrganization()
            .Scp("DataAllowList", DataAllowList.Replace("\"glue:*\",", string.Empty, StringComparison.Ordinal), DataOu)
            .Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, RiskSeverity.Medium), (finding.Kind, finding.Severity));
        Assert.StartsWith("SCP `DataAllowList` decides differently from code: no longer allowed: glue (", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_RootUserDenyNarrowedToOneAccount_HighPolicyDriftForOtherAccountsRoots()
    {
        // Arrange: code denies every action to any account's root user; the organisation's only to 111111111111's.
        // The root user of another member account: code's StringLike `arn:aws:iam::*:root` matches it, so it is
        // denied; the organisation's pattern does not, so nothing denies it. Roles are denied by neither.
        var desired = Guardrails(Scp("deny-root-user", DenyRootUser("arn:aws:iam::*:root"), "root"));
        var organization = new GuardrailTestOrganization().Scp("deny-root-user", DenyRootUser($"arn:aws:iam::{Analytics}:root"), RootId).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, RiskSeverity.High), (finding.Kind, finding.Severity));
        Assert.StartsWith("SCP `deny-root-user` decides differently from code: no longer denied: ", finding.Detail, StringComparison.Ordinal);
        Assert.EndsWith(" on * when `aws:PrincipalArn` = a value like `arn:aws:iam::*:root`", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_NotResourceExemptionWidened_HighPolicyDriftOnTheWiderPattern()
    {
        // Arrange: code denies deleting any bucket but lake-raw; the organisation's exempts every lake-* bucket. Deleting
        // lake-curated: code's NotResource does not cover it, so the deny applies; the organisation's covers it, so no
        // deny does: weaker. The change shows on the wider pattern, the only one either version names that it covers.
        var desired = Guardrails(Scp("keep-buckets", KeepBuckets("arn:aws:s3:::lake-raw"), "root"));
        var organization = new GuardrailTestOrganization().Scp("keep-buckets", KeepBuckets("arn:aws:s3:::lake-*"), RootId).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, RiskSeverity.High), (finding.Kind, finding.Severity));
        Assert.Equal("SCP `keep-buckets` decides differently from code: no longer denied: s3:DeleteBucket on arn:aws:s3:::lake-*", finding.Detail);
    }

    [Fact]
    public void Compare_DenyGuardrailDetachedFromItsOu_HighAttachmentDrift()
    {
        // Arrange: code attaches the deny to OU Data; the organisation has it attached nowhere, so no account below
        // Data is stopped by it.
        var desired = Guardrails(Scp("protect-lake-buckets", ProtectLakeBuckets, "ou:Data"));
        var organization = new GuardrailTestOrganization().Scp("protect-lake-buckets", ProtectLakeBuckets).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailAttachmentDrift, "scp/protect-lake-buckets", RiskSeverity.High), (finding.Kind, finding.Principal, finding.Severity));
        Assert.Equal("SCP `protect-lake-buckets` is attached differently from code: detached from OU `Data` (ou-test-data0001), where its denies no longer apply",
            finding.Detail);
    }

    [Fact]
    public void Compare_AllowOnlyScpDetachedFromAnAccount_MediumAttachmentDrift()
    {
        // Arrange: taking an Allow away from a level can only let less through at that level.
        var desired = Guardrails(new GuardrailDefinition("FullAWSAccess", OrganizationPolicyType.ServiceControlPolicy, null, Targets("root", Analytics)));
        var organization = new GuardrailTestOrganization().FullAwsAccess(RootId).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailAttachmentDrift, RiskSeverity.Medium), (finding.Kind, finding.Severity));
        Assert.Equal("SCP `FullAWSAccess` is attached differently from code: detached from account `analytics` (111111111111)", finding.Detail);
    }

    [Fact]
    public void Compare_AllowScpAttachedWhereCodeDoesNot_HighAttachmentDrift()
    {
        // Arrange: FullAWSAccess beside an allow-list on OU Data makes the level allow everything (allows at one level
        // are alternatives).
        var desired = Guardrails(new GuardrailDefinition("FullAWSAccess", OrganizationPolicyType.ServiceControlPolicy, null, Targets("root")));
        var organization = new GuardrailTestOrganization().FullAwsAccess(RootId, DataOu).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailAttachmentDrift, RiskSeverity.High), (finding.Kind, finding.Severity));
        Assert.Equal("SCP `FullAWSAccess` is attached differently from code: attached to OU `Data` (ou-test-data0001), which code does not; "
            + "its allows may widen what they allow", finding.Detail);
    }

    [Fact]
    public void Compare_TargetByOuPathAndById_ResolveToTheSameOus()
    {
        // Arrange: `ou:Data/Consumers` is the OU path from the root; `ou-test-data0001` is Data by id.
        var desired = Guardrails(Scp("protect-lake-buckets", ProtectLakeBuckets, "ou:Data/Consumers", DataOu));
        var organization = new GuardrailTestOrganization().Scp("protect-lake-buckets", ProtectLakeBuckets, ConsumersOu, DataOu).Build();

        // Act
        var findings = GuardrailDrift.Compare(desired, organization, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_TargetTheOrganisationLacks_HighAttachmentDriftNamingIt()
    {
        // Arrange: code attaches the deny to an OU path that does not exist: the deny applies nowhere code meant.
        var desired = Guardrails(Scp("protect-lake-buckets", ProtectLakeBuckets, "ou:Data", "ou:Sandbox"));
        var organization = new GuardrailTestOrganization().Scp("protect-lake-buckets", ProtectLakeBuckets, DataOu).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailAttachmentDrift, RiskSeverity.High), (finding.Kind, finding.Severity));
        Assert.Contains("detached from `ou:Sandbox` (not in the organisation)", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ExtraRcpInTheOrganisation_MediumUnmanagedGuardrail()
    {
        // Arrange: an RCP only denies (RCPFullAWSAccess is implied at every level), so one code does not hold can
        // only restrict: unmanaged, but not a weakening.
        var desired = Guardrails(Rcp("DenyOutsidePrincipals", DenyOutsidePrincipals, "root"));
        var organization = new GuardrailTestOrganization()
            .Rcp("DenyOutsidePrincipals", DenyOutsidePrincipals, RootId)
            .Rcp("DenyInsecureTransport", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
                """, RootId)
            .Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.UnmanagedGuardrail, "rcp/DenyInsecureTransport", RiskSeverity.Medium), (finding.Kind, finding.Principal, finding.Severity));
        Assert.Equal("RCP `DenyInsecureTransport` is in the organisation but not in guardrails/rcp/; attached to the root (r-test)", finding.Detail);
    }

    [Fact]
    public void Compare_ExtraAllowScpAttached_HighUnmanagedGuardrail()
    {
        // Arrange: an SCP Allow attached beside an allow-list widens what that level allows.
        var organization = new GuardrailTestOrganization()
            .Scp("AllowEc2", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}""", DataOu)
            .Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare([], organization, Now));

        // Assert
        Assert.Equal((DriftKind.UnmanagedGuardrail, RiskSeverity.High), (finding.Kind, finding.Severity));
    }

    [Fact]
    public void Compare_ExtraScpAttachedNowhere_LowUnmanagedGuardrail()
    {
        // Arrange
        var organization = new GuardrailTestOrganization().Scp("draft", ProtectLakeBuckets).Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare([], organization, Now));

        // Assert
        Assert.Equal((DriftKind.UnmanagedGuardrail, RiskSeverity.Low), (finding.Kind, finding.Severity));
    }

    [Fact]
    public void Compare_AwsManagedPolicyCodeDoesNotName_NoFinding()
    {
        // Arrange: FullAWSAccess is in every organisation; code that never names it does not manage it.
        var organization = new GuardrailTestOrganization().FullAwsAccess(RootId, DataOu).Build();

        // Act
        var findings = GuardrailDrift.Compare([], organization, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_DenyGuardrailMissing_HighMissingGuardrail()
    {
        // Arrange
        var desired = Guardrails(Scp("protect-lake-buckets", ProtectLakeBuckets, "ou:Data"), Scp("DataAllowList", DataAllowList, "ou:Data"));
        var organization = new GuardrailTestOrganization().Build();

        // Act
        var findings = GuardrailDrift.Compare(desired, organization, Now);

        // Assert: losing an Allow lets nothing more through (Medium); losing a Deny does (High).
        Assert.Equal(
            [
                (DriftKind.MissingGuardrail, "scp/DataAllowList", RiskSeverity.Medium),
                (DriftKind.MissingGuardrail, "scp/protect-lake-buckets", RiskSeverity.High),
            ],
            findings.Select(static f => (f.Kind, f.Principal, f.Severity)));
    }

    [Fact]
    public void Compare_RcpDropsAService_HighPolicyDriftForOutsidePrincipals()
    {
        // Arrange: without kms:*, an outside principal's kms:Decrypt on a member's key passes the RCP: code's deny
        // matched it (its PrincipalOrgID is not the organisation's, and it is not an AWS service).
        var desired = Guardrails(Rcp("DenyOutsidePrincipals", DenyOutsidePrincipals, "root"));
        var organization = new GuardrailTestOrganization()
            .Rcp("DenyOutsidePrincipals", DenyOutsidePrincipals.Replace(",\"kms:*\"", string.Empty, StringComparison.Ordinal), RootId)
            .Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.GuardrailPolicyDrift, "rcp/DenyOutsidePrincipals", RiskSeverity.High), (finding.Kind, finding.Principal, finding.Severity));
        Assert.StartsWith("RCP `DenyOutsidePrincipals` decides differently from code: no longer denied: kms (", finding.Detail, StringComparison.Ordinal);
        Assert.Contains("`aws:PrincipalOrgID` = a value neither names", finding.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TextOnlyChanges_NoDrift()
    {
        // Arrange: statements reordered, a Sid renamed and one dropped, an action list reordered, a one-element list
        // written as a string, other whitespace and key order: the same requests are denied.
        var desired = Guardrails(Scp("protect-audit-trail", ProtectAuditTrail, "root"));
        var organization = new GuardrailTestOrganization()
            .Scp("protect-audit-trail", """
                {
                  "Statement": [
                    { "Resource": ["*"], "Action": ["config:DeleteDeliveryChannel", "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder"],
                      "Effect": "Deny", "Sid": "ConfigStaysOn" },
                    { "Effect": "Deny", "Action": ["cloudtrail:DeleteTrail", "cloudtrail:StopLogging"], "Resource": "*" }
                  ],
                  "Version": "2012-10-17"
                }
                """, RootId)
            .Build();

        // Act
        var findings = GuardrailDrift.Compare(desired, organization, Now);

        // Assert
        Assert.Empty(findings);
    }

    [Fact]
    public void Compare_ScpsNotEnabledInTheRoot_HighMissingGuardrailForTheType()
    {
        // Arrange: with SCPs disabled no SCP restricts anything, attached or not.
        var desired = Guardrails(Scp("protect-lake-buckets", ProtectLakeBuckets, "ou:Data"));
        var organization = new GuardrailTestOrganization().Scp("protect-lake-buckets", ProtectLakeBuckets, DataOu).WithoutScps().Build();

        // Act
        var finding = Assert.Single(GuardrailDrift.Compare(desired, organization, Now));

        // Assert
        Assert.Equal((DriftKind.MissingGuardrail, "scp/", RiskSeverity.High), (finding.Kind, finding.Principal, finding.Severity));
    }

    private static string DenyRootUser(string principal)
        => """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringLike":{"aws:PrincipalArn":"""
            + $"\"{principal}\"" + "}}}]}";

    private static string KeepBuckets(string exempt)
        => $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","NotResource":"{{exempt}}"}]}""";

    private static ImmutableArray<GuardrailDefinition> Guardrails(params GuardrailDefinition[] guardrails) => [.. guardrails];

    private static GuardrailDefinition Scp(string name, string document, params string[] targets)
        => new(name, OrganizationPolicyType.ServiceControlPolicy, document, Targets(targets));

    private static GuardrailDefinition Rcp(string name, string document, params string[] targets)
        => new(name, OrganizationPolicyType.ResourceControlPolicy, document, Targets(targets));

    private static ImmutableArray<GuardrailTarget> Targets(params string[] targets)
        => [.. targets.Select(static t => GuardrailTarget.TryParse(t, out var target) ? target : throw new ArgumentException(t))];
}
