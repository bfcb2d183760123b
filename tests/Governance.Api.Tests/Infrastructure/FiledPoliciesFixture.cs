using Microsoft.AspNetCore.Hosting;
using TestSupport.Files;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>The service on <see cref="FiledPolicies"/>, on SQLite or on PostgreSQL as the subclass says.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "The policies folder lives as long as the process; the temp folder is removed with the test run's.")]
public abstract class FiledPoliciesFixture : ApiFixture
{
    private readonly TempFolder _policies = TempFolder.Create();

    protected override void Configure(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("Governance:PoliciesDirectory", FiledPolicies.CopyInto(_policies));
    }
}
