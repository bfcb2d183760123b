using Governance.Core.Drift.Guardrails;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Drift.Guardrails;

public sealed class GuardrailProbesTests
{
    [Fact]
    public void For_TwoKeys_EveryCombinationOfTheirValuesAndOfNoValue()
    {
        // Arrange: aws:RequestedRegion has two named values and one other; aws:SecureTransport (Bool) true and false
        var policy = NamedPolicy.Parse("p", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
              "Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-west-1","eu-central-1"]},"Bool":{"aws:SecureTransport":"false"}}}]}
            """);

        // Act
        var probes = GuardrailProbes.For(policy);

        // Assert: (3 values + none) x (2 values + none); the probe that sets nothing first
        Assert.Equal(12, probes.Length);
        Assert.Equal(string.Empty, probes[0].Description);
        Assert.Contains(probes, static p => p.Description == "`aws:RequestedRegion` = a value neither names, `aws:SecureTransport` = `true`");
    }

    [Fact]
    public void For_ThirtyKeys_OneKeyAtATimeWithoutOverflow()
    {
        // Arrange: 4^30 combinations would overflow a long
        var conditions = string.Join(",", Enumerable.Range(0, 30).Select(static i => $"\"aws:PrincipalTag/t{i}\":[\"a\",\"b\"]"));
        var policy = NamedPolicy.Parse("p",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringEquals":{""" + conditions + "}}}]}");

        // Act
        var probes = GuardrailProbes.For(policy);

        // Assert: the probe that sets nothing, then each key's three values alone
        Assert.Equal(1 + (30 * 3), probes.Length);
    }
}
