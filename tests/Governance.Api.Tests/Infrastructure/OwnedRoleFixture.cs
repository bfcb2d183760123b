using Microsoft.AspNetCore.Hosting;
using TestSupport.Files;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The service on <see cref="OwnedRoleOrganization"/>, on SQLite or on PostgreSQL as the subclass says.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The organisation folder lives as long as the process; the temp folder is removed with the test run's.")]
public abstract class OwnedRoleFixture : ApiFixture
{
    private readonly TempFolder _organization = TempFolder.Create();

    protected override void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Governance:OrganizationSnapshot", OwnedRoleOrganization.CopyInto(_organization));
    }
}
