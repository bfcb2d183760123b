using Governance.Api.Console;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>
/// The service configured as production is, for <see cref="TestOidcProvider"/>: its https address as the authority, the
/// console's client. The one test-only change: the sign-in's back channel trusts the provider's test certificate.
/// </summary>
public static class OidcServiceSettings
{
    /// <summary>The bearer API's audience (required with an authority; the console's id_tokens name the client id instead).</summary>
    public const string Audience = "iamgov-api";

    public static void Apply(IWebHostBuilder builder, TestOidcProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        builder.UseSetting("Governance:Auth:Authority", provider.Authority.ToString());
        builder.UseSetting("Governance:Auth:Audience", Audience);
        builder.UseSetting("Governance:Console:ClientId", TestOidcProvider.ClientId);
        builder.UseSetting("Governance:Console:ClientSecret", TestOidcProvider.ClientSecret);
        // Configure, not PostConfigure: the handler's own post-configuration builds the back channel from this handler.
        builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(ConsoleAuthentication.OidcScheme,
            oidc => oidc.BackchannelHttpHandler = TestCertificate.TrustingHandler(provider.Certificate)));
    }
}
