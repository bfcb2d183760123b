using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using TestSupport.Paths;

namespace Governance.Core.Tests.Drift.Guardrails;

public sealed partial class GuardrailDriftTests
{
    [Fact]
    public void Compare_DemoOrganizationAgainstRepositoryGuardrails_NoDrift()
    {
        // Arrange
        var (guardrails, errors) = GuardrailDefinitionLoader.LoadDirectory(Path.Combine(RepositoryPaths.Policies, "guardrails"));
        var organization = OrganizationSnapshotReader.ReadFolder(Path.Combine(RepositoryPaths.Policies, "demo-org")).Snapshot!;

        // Act
        var findings = GuardrailDrift.Compare(guardrails, organization, Now);

        // Assert
        Assert.Empty(errors);
        Assert.Empty(findings);
    }
}
