using Governance.Api.Auth;
using Governance.Core.Aws;
using Governance.Core.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Api.Setup;

/// <summary>Registers credential vending: STS when <c>Governance:Aws:Sts:Enabled</c> is true, otherwise a stand-in that
/// answers how to turn it on.</summary>
internal static class CredentialVendingSetup
{
    public static IServiceCollection AddCredentialVending(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CredentialVendingOptions.Section).Get<CredentialVendingOptions>() ?? new CredentialVendingOptions();
        if (options.Validate() is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        services.AddSingleton(options);
        if (options.Enabled)
        {
            services.TryAddSingleton<IRoleSessionIssuer>(static sp =>
            {
                var connection = sp.GetRequiredService<AwsIntegrationOptions>().Connection;
                return new StsRoleSessionIssuer(() => StsRoleSessionIssuer.CreateClient(connection));
            });
        }
        else
        {
            services.TryAddSingleton<IRoleSessionIssuer, UnconfiguredRoleSessionIssuer>();
        }
        services.AddScoped<GrantCredentialService>();
        services.AddSingleton<IAuthorizationHandler, GrantRequesterHandler>();
        return services;
    }
}
