using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;
using static Governance.Core.Tests.Accounts.Questions.TestOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// A question asked through a VPC endpoint: the endpoint policy is the request's own, kept beside whatever supplies the
/// other guardrails, and it must allow too (https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html).
/// </summary>
public sealed partial class OrganizationAuthorizerTests
{
    private const string EndpointOtherBucketOnly =
        """{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::curated","arn:aws:s3:::curated/*"]}]}""";

    private static AccessQuestion ThroughEndpoint(string action, string resource, string endpointPolicy)
        => new(action, resource, RequestContext.Empty)
        {
            Guardrails = Guardrails.None with { VpcEndpointPolicy = NamedPolicy.Parse("endpoint", endpointPolicy) },
        };

    [Fact]
    public void Authorize_ThroughEndpointFromSnapshot_EndpointPolicyDecides()
    {
        // Arrange: same account, the identity policy allows; the snapshot supplies SCPs and the bucket; the endpoint does not allow lake.
        var org = new TestOrganization().Role(Producer, "reader", ReadLake).Bucket(Producer, "lake", null).Build();
        var caller = org.Find(RoleArn(Producer, "reader")).Principal!;

        // Act
        var answer = org.Authorize(caller, ThroughEndpoint("s3:GetObject", LakeObject, EndpointOtherBucketOnly));

        // Assert
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
        Assert.Equal(DecisionReason.VpcEndpointPolicyDoesNotAllow, answer.Result.Explanation.Reason);
        Assert.Equal($"the VPC endpoint policy does not allow `{RoleArn(Producer, "reader")}` to call `s3:GetObject` on `{LakeObject}`", answer.Summary);
    }

    [Fact]
    public void Authorize_ThroughEndpointWithGivenGuardrails_EndpointPolicyKept()
    {
        // Arrange: guardrails given by hand (as --account gives them) replace the snapshot's, but not the request's endpoint.
        var built = new TestOrganization().Role(Producer, "reader", ReadLake).Bucket(Producer, "lake", null).Build();
        var org = new OrganizationAuthorizer(built.Snapshot, Guardrails.None with { ResourceAccount = Producer });
        var caller = org.Find(RoleArn(Producer, "reader")).Principal!;

        // Act
        var through = org.Authorize(caller, ThroughEndpoint("s3:GetObject", LakeObject, EndpointOtherBucketOnly));
        var direct = org.Authorize(caller, new AccessQuestion("s3:GetObject", LakeObject, RequestContext.Empty));

        // Assert
        Assert.Equal((Decision.ImplicitDeny, DecisionReason.VpcEndpointPolicyDoesNotAllow), (through.Result.Decision, through.Result.Explanation.Reason));
        Assert.Equal(Decision.Allow, direct.Result.Decision);
    }

    [Fact]
    public void Authorize_EndpointPolicyThatDidNotParse_IsNoted()
    {
        var org = new TestOrganization().Role(Producer, "reader", ReadLake).Bucket(Producer, "lake", null).Build();
        var caller = org.Find(RoleArn(Producer, "reader")).Principal!;

        var answer = org.Authorize(caller, ThroughEndpoint("s3:GetObject", LakeObject, """{"Statement":[{"Effect":"Maybe","Principal":"*","Action":"*"}]}"""));

        Assert.Contains(answer.Notes, static n => n.StartsWith("endpoint did not parse", StringComparison.Ordinal));
        Assert.Equal(Decision.ImplicitDeny, answer.Result.Decision);
    }
}
