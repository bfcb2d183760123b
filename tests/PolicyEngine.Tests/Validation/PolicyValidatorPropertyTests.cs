using CsCheck;
using PolicyEngine.Tests.Parsing;
using PolicyEngine.Validation;

namespace PolicyEngine.Tests.Validation;

public sealed class PolicyValidatorPropertyTests
{
    [Fact]
    public void Validate_ArbitraryBytes_NeverThrows()
        => PolicyGenerators.Bytes.Sample(static bytes =>
        {
            foreach (var kind in Enum.GetValues<PolicyKind>())
            {
                PolicyValidator.Validate(bytes, kind);
            }
        }, iter: 1_000);

    [Fact]
    public void Validate_ArbitraryJson_NeverThrows()
        => PolicyGenerators.Json.Sample(static json =>
        {
            foreach (var kind in Enum.GetValues<PolicyKind>())
            {
                var report = PolicyValidator.Validate(json, kind);
                Assert.Equal(report.Findings.Any(static f => f.Severity == Diagnostics.Severity.Error), report.HasErrors);
            }
        }, iter: 1_500);

    [Fact]
    public void Validate_GeneratedPolicy_FindingsAreSortedByPosition()
        => PolicyGenerators.ValidPolicy.Sample(static json =>
        {
            foreach (var kind in Enum.GetValues<PolicyKind>())
            {
                var findings = PolicyValidator.Validate(json, kind).Findings;
                Assert.Equal(findings.Order(Diagnostics.Diagnostic.ByPosition), findings);
            }
        }, iter: 500);
}
