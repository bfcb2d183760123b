using Governance.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.Hosting;

public sealed class GovernanceCoreSetupTests
{
    [Fact]
    public void AddGovernanceCore_NewDataFolder_IsCreatedForTheServicesUserAlone()
    {
        // Arrange: the database (the organisation copy, requests, the audit trail) and the signing key live there
        using var data = TempFolder.Reserve();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Governance:DataDirectory"] = data.Path,
            ["Governance:PoliciesDirectory"] = RepositoryPaths.Policies,
        }).Build();

        // Act
        new ServiceCollection().AddGovernanceCore(configuration);

        // Assert (Unix file modes, as the signing key's test checks them)
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data.Path));
        }
    }
}
