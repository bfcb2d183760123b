using Governance.Core.Accounts.Questions;
using static Governance.Core.Tests.Accounts.Questions.DemoOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Who can, on the demo organisation, each list derived by hand from its policies (policies/demo-org/README.md and the
/// accounts' files) and the evaluation rules: IAM/latest/UserGuide/reference_policies_evaluation-logic.html (one account)
/// and reference_policies_evaluation-logic-cross-account.html (both sides), SCPs down the caller's path
/// (orgs_manage_policies_scps_evaluation.html), RCPs on the resource's account (orgs_manage_policies_rcps_evaluation.html).
/// </summary>
public sealed partial class OrganizationWhoCanTests
{
    [Fact]
    public void Ask_GetObjectOnLakeRaw_ListsGlueEtlAndTheProducersOwnAdministrators()
    {
        // Arrange: lake-raw is the producer's. Same account: lake-admin's manage-lake allows s3:* on lake-*/*, and
        // OrganizationAccountAccessRole has AdministratorAccess; DataAllowList (OU Data) allows s3:*; nothing denies over TLS
        // in eu-west-1. Cross-account, both sides: glue-etl's ReadRaw and the bucket's GlueEtlReadsRaw. data-engineer is
        // named by DataEngineersRead but its own policies name only lake-sandbox; ingest may only write; platform-admin and
        // organization-admin (AdministratorAccess elsewhere) are not granted by the bucket policy.
        var question = new AccessQuestion("s3:GetObject", "arn:aws:s3:::lake-raw/x", TlsInEuWest1);

        // Act
        var answer = OrganizationWhoCan.Ask(Org, question);

        // Assert
        Assert.Equal(
            [$"arn:aws:iam::{Consumer}:role/service-role/glue-etl", $"arn:aws:iam::{Producer}:role/OrganizationAccountAccessRole", $"arn:aws:iam::{Producer}:role/lake-admin"],
            answer.Principals.Select(static p => p.Principal.Arn));
        var glue = answer.Principals[0];
        Assert.Equal(PolicyEngine.Evaluation.DecisionReason.AllowedCrossAccount, glue.Answer.Result.Explanation.Reason);
        Assert.Contains(glue.Answer.Result.DecidingStatements, s => s.Sid == "GlueEtlReadsRaw");
        Assert.Equal(14, answer.Asked);
        Assert.All(answer.Principals, p => Assert.False(p.Outside));
    }

    [Fact]
    public void Ask_GetObjectOnLakeRawWithoutTls_ListsNoOne()
    {
        // Arrange: DenyInsecureTransport (Principal *) denies every principal a request with aws:SecureTransport false.
        var question = new AccessQuestion("s3:GetObject", "arn:aws:s3:::lake-raw/x", RequestContextWith("aws:SecureTransport", "false"));

        // Act
        var answer = OrganizationWhoCan.Ask(Org, question);

        // Assert
        Assert.Empty(answer.Principals);
    }

    [Fact]
    public void Ask_AssumeEtlRunner_ListsTheContractorAsOutsideAndNotesTheService()
    {
        // Arrange: etl-runner's trust admits states.amazonaws.com and 444455556666 (ContractorDebugging); that account is
        // outside the organisation but its IAM is known: contractor-support's debug-customer-pipelines allows
        // sts:AssumeRole on arn:aws:iam::*:role/etl-runner, and no SCP applies outside. No role of the consumer account is
        // admitted by the trust policy, which must allow (id_roles_terms-and-concepts.html#iam-term-trust-policy).
        var question = new AccessQuestion("sts:AssumeRole", $"arn:aws:iam::{Consumer}:role/etl-runner", TlsInEuWest1);

        // Act
        var answer = OrganizationWhoCan.Ask(Org, question);

        // Assert
        var contractor = Assert.Single(answer.Principals);
        Assert.Equal($"arn:aws:iam::{Contractor}:role/contractor-support", contractor.Principal.Arn);
        Assert.True(contractor.Outside);
        Assert.True(contractor.Answer.CallerPoliciesKnown);
        Assert.Contains(answer.Notes, n => n.Contains("service principal `states.amazonaws.com`", StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_DecryptWithTheRawKey_ListsOnlyTheProducersPrincipals()
    {
        // Arrange: the raw key's policy delegates to the producer's IAM (EnableIamPolicies): lake-admin's UseLakeKeys and
        // OrganizationAccountAccessRole's AdministratorAccess allow. ConsumersDecryptRaw names data-engineer and glue-etl,
        // but across accounts their own policies must allow kms:Decrypt too, and neither's does
        // (kms/latest/developerguide/key-policy-modifying-external-accounts.html).
        var question = new AccessQuestion("kms:Decrypt", $"arn:aws:kms:eu-west-1:{Producer}:key/1234abcd-12ab-34cd-56ef-1234567890ab", TlsInEuWest1);

        // Act
        var answer = OrganizationWhoCan.Ask(Org, question);

        // Assert
        Assert.Equal([$"arn:aws:iam::{Producer}:role/OrganizationAccountAccessRole", $"arn:aws:iam::{Producer}:role/lake-admin"],
            answer.Principals.Select(static p => p.Principal.Arn));
    }

    [Fact]
    public void Ask_BucketPolicyNamesAnAccountNotHeld_ListsItWithItsSideAssumed()
    {
        // Arrange: a bucket policy grants a role of 444444444444, an account whose IAM the organisation does not hold, and
        // no RCP denies outsiders: the resource side allows, so it is listed, outside, its own side assumed. The producer's
        // own reader has no policy allowing it and the bucket policy does not name it.
        const string grant = """{"Version":"2012-10-17","Statement":[{"Sid":"Partner","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444444444444:role/partner"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}]}""";
        var org = new TestOrganization().Role(TestOrganization.Producer, "reader", null).Bucket(TestOrganization.Producer, "lake", grant).Build();

        // Act
        var answer = OrganizationWhoCan.Ask(org, new AccessQuestion("s3:GetObject", "arn:aws:s3:::lake/a", PolicyEngine.Evaluation.RequestContext.Empty));

        // Assert
        var partner = Assert.Single(answer.Principals);
        Assert.Equal("arn:aws:iam::444444444444:role/partner", partner.Principal.Arn);
        Assert.True(partner.Outside);
        Assert.False(partner.Answer.CallerPoliciesKnown);
    }

    private static PolicyEngine.Evaluation.RequestContext RequestContextWith(string key, string value)
        => TlsInEuWest1.With(key, [value]);
    [Fact]
    public void Ask_IamExportAloneTrustNamesAnAccountNotHeld_ListsItAsOutside()
    {
        // Arrange: one account's IAM export is an organisation of that account. Its role's trust policy admits the root of
        // 444444444444, whose IAM is not held: across accounts the trust policy must allow, and it does; that account's
        // own side is assumed. The exporting account's own admin is not admitted by the trust policy, which must allow.
        const string trust = """{"Version":"2012-10-17","Statement":[{"Sid":"Vendor","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444444444444:root"},"Action":"sts:AssumeRole"}]}""";
        const string admin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var iam = new Governance.Core.Accounts.AccountSnapshot([], [],
        [
            new("vendor-access", "AROAVENDOR", "arn:aws:iam::555555555555:role/vendor-access", "/", trust, [], [], null, []),
            new("admin", "AROAADMIN", "arn:aws:iam::555555555555:role/admin", "/", trust, [new("all", admin)], [], null, []),
        ], []);
        var org = new OrganizationAuthorizer(Governance.Core.Accounts.Organization.OrganizationSnapshot.OfAccounts([iam]));

        // Act
        var answer = OrganizationWhoCan.Ask(org, new AccessQuestion("sts:AssumeRole", "arn:aws:iam::555555555555:role/vendor-access", PolicyEngine.Evaluation.RequestContext.Empty));

        // Assert
        var vendor = Assert.Single(answer.Principals);
        Assert.Equal("arn:aws:iam::444444444444:root", vendor.Principal.Arn);
        Assert.Equal(Governance.Core.Accounts.PrincipalKind.Account, vendor.Principal.Kind);
        Assert.True(vendor.Outside);
        Assert.False(vendor.Answer.CallerPoliciesKnown);
    }
}
