using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Crawl;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Snapshot;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Core.Hosting;

/// <summary>Registers the AWS parts that <see cref="AwsIntegrationOptions"/> turns on, for the API and the worker.</summary>
public static class AwsIntegrationSetup
{
    /// <summary>
    /// Either AWS switch registers one <see cref="IamClient"/> built from the SDK conventions (<see cref="AwsEnvironment"/>,
    /// replaceable by tests) at first use; <see cref="AccountSource.Aws"/> adds <see cref="LiveAccountRefresher"/>. The
    /// grant provisioner is chosen by <see cref="GovernanceCoreSetup.AddGovernanceCore"/>.
    /// </summary>
    public static IServiceCollection AddAwsIntegration(this IServiceCollection services, AwsIntegrationOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options);
        if (!options.UsesAws)
        {
            return services;
        }
        services.TryAddSingleton(AwsEnvironment.Process);
        services.TryAddSingleton(sp =>
        {
            // One long-lived client; redirects are not followed, since a followed redirect replays the signature elsewhere.
            var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            var (client, error) = IamClient.Create(http, options.Connection, sp.GetRequiredService<AwsEnvironment>(), sp.GetRequiredService<TimeProvider>());
            return client ?? throw new InvalidOperationException($"AWS is configured ({AwsIntegrationOptions.ProvisioningKey}, {AwsIntegrationOptions.AccountKey}) but unusable: {error!.Message}");
        });
        if (options.Account == AccountSource.Aws)
        {
            services.TryAddSingleton<LiveAccountRefresher>();
            services.TryAddSingleton<ILiveCopyRefresher>(static sp => sp.GetRequiredService<LiveAccountRefresher>());
        }
        else if (options.Organization == AccountSource.Aws)
        {
            services.TryAddSingleton<ILiveCopyRefresher, LiveOrganizationRefresher>();
        }
        return services;
    }
}
