using Governance.Core.OrganizationCopy;
using Microsoft.Extensions.DependencyInjection;

namespace TestSupport.Organizations;

/// <summary>Reads a service's organisation copy as the database holds it, through a store of its own, as another node would.</summary>
public static class OrganizationCopyReader
{
    /// <summary>The newest version, read by a fresh store on <paramref name="services"/>' database: nothing this node holds in memory.</summary>
    public static async Task<OrganizationState> ReadAsync(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        using var store = new OrganizationStore(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        return await store.CurrentAsync(CancellationToken.None);
    }
}
