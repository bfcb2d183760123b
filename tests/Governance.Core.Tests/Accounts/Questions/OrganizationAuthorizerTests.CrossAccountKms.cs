using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// Cross-account KMS alone: "Cross-account access requires permission in the key policy of the KMS key and in an IAM
/// policy in the external user's account ... Neither the key policy nor the IAM policy alone is sufficient"
/// (kms/latest/developerguide/key-policy-modifying-external-accounts.html). In the key's own account a key policy naming
/// the principal is enough on its own (kms/latest/developerguide/key-policies.html, "you can use the key policy alone").
/// The same-account key policy without root delegation is <see cref="Authorize_KmsKeyPolicyWithAndWithoutRootDelegation_OnlyDelegationLetsIamAllow"/>.
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string Decrypt = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""";

    private static string KeyArn(string keyId) => $"arn:aws:kms:eu-west-1:{Producer}:key/{keyId}";

    private static string KeyPolicyGranting(string principal) => $$"""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"EnableIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Producer}}:root"},"Action":"kms:*","Resource":"*"},
          {"Sid":"Grant","Effect":"Allow","Principal":{"AWS":"{{principal}}"},"Action":"kms:Decrypt","Resource":"*"}]}
        """;

    [Fact]
    public void Authorize_KeyPolicyGrantsOtherAccountRootCallerIamAllows_Allows()
    {
        // Arrange: the key policy grants the consumer account; the consumer's role allows itself kms:Decrypt: both sides.
        var org = new TestOrganization().Role(Consumer, "reader", Decrypt).Key(Producer, "k", KeyPolicyGranting($"arn:aws:iam::{Consumer}:root")).Build();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "reader"), "kms:Decrypt", KeyArn("k"));

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
        Assert.Equal(DecisionReason.AllowedCrossAccount, answer.Result.Explanation.Reason);
    }

    [Fact]
    public void Authorize_KeyPolicyGrantsOtherAccountRootCallerIamSilent_ImplicitDenyNamingTheCallersSide()
    {
        // Arrange: naming the account's root delegates to that account's IAM, which grants the role nothing.
        var org = new TestOrganization().Role(Consumer, "reader", null).Key(Producer, "k", KeyPolicyGranting($"arn:aws:iam::{Consumer}:root")).Build();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "reader"), "kms:Decrypt", KeyArn("k"));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal(DecisionReason.CrossAccountIdentityDoesNotAllow, answer.Result.Explanation.Reason);
        Assert.Equal($"cross-account: the policies of `{RoleArn(Consumer, "reader")}` in account {Consumer} do not allow `kms:Decrypt`", answer.Summary);
    }

    [Fact]
    public void Authorize_KeyPolicyNamesOtherAccountsRoleDirectly_StillNeedsTheRolesIamPolicy()
    {
        // Arrange: naming the role itself does not make the key policy enough across accounts: its IAM must allow too.
        var org = new TestOrganization().Role(Consumer, "reader", null).Role(Consumer, "writer", Decrypt)
            .Key(Producer, "k", KeyPolicyGranting(RoleArn(Consumer, "reader"))).Key(Producer, "k2", KeyPolicyGranting(RoleArn(Consumer, "writer"))).Build();

        // Act
        var withoutIam = Ask(org, RoleArn(Consumer, "reader"), "kms:Decrypt", KeyArn("k"));
        var withIam = Ask(org, RoleArn(Consumer, "writer"), "kms:Decrypt", KeyArn("k2"));

        // Assert
        Assert.Equal(DecisionReason.CrossAccountIdentityDoesNotAllow, withoutIam.Result.Explanation.Reason);
        Assert.Equal(Decision.Allow, withIam.Result.Decision);
    }

    [Fact]
    public void Authorize_KeyPolicyNamesSameAccountRoleDirectly_KeyPolicyAloneAllows()
    {
        // Arrange: the contrast within the key's account: a key policy naming the role allows without any IAM policy.
        var org = new TestOrganization().Role(Producer, "reader", null).Key(Producer, "k", KeyPolicyGranting(RoleArn(Producer, "reader"))).Build();

        // Act
        var answer = Ask(org, RoleArn(Producer, "reader"), "kms:Decrypt", KeyArn("k"));

        // Assert
        Assert.Equal(Decision.Allow, answer.Result.Decision);
    }

    [Fact]
    public void Authorize_KeyPolicyGrantsOnlyItsOwnAccountCallerIamAllows_ImplicitDenyNamingTheKeyPolicy()
    {
        // Arrange: the key policy delegates to the producer's IAM only; the consumer's IAM allowing is not enough.
        var onlyOwn = $$"""{"Version":"2012-10-17","Statement":[{"Sid":"EnableIam","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Producer}}:root"},"Action":"kms:*","Resource":"*"}]}""";
        var org = new TestOrganization().Role(Consumer, "reader", Decrypt).Key(Producer, "k", onlyOwn).Build();

        // Act
        var answer = Ask(org, RoleArn(Consumer, "reader"), "kms:Decrypt", KeyArn("k"));

        // Assert
        Assert.Equal(DecisionReason.CrossAccountResourcePolicyDoesNotAllow, answer.Result.Explanation.Reason);
        Assert.Equal($"cross-account: the key policy of `k` does not grant {Consumer}", answer.Summary);
    }
}
