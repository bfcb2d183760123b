using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;

namespace Governance.Api.Setup;

/// <summary>Tells systemd when the service is ready and stopping (<c>Type=notify</c> in deploy/systemd/iamgov.service).</summary>
/// <remarks>
/// What <c>AddSystemd</c> registers, without the console log format it also forces: the log format stays the one
/// configuration chooses (<c>Logging:Console:FormatterName</c>), under systemd as elsewhere. Nothing is registered when
/// systemd did not start the process.
/// </remarks>
internal static class SystemdReadiness
{
    public static void AddSystemdReadiness(this IServiceCollection services)
    {
        if (SystemdHelpers.IsSystemdService())
        {
            services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
            services.AddSingleton<IHostLifetime, SystemdLifetime>();
        }
    }
}
