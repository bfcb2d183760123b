using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Governance.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TestSupport.Files;

namespace Governance.Api.Tests.Auth;

/// <summary>
/// The service configured for an OIDC authority (<c>Governance:Auth:Authority</c>): the authority's discovery document
/// is given to the bearer handler directly (no machine here reaches an identity provider), everything else is the
/// production setup. Its tokens are refused on their subject exactly as local ones are.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes the class through IAsyncLifetime.DisposeAsync, which disposes the factory, the logs and the data folder.")]
public sealed class OidcTokenSubjectTests : IAsyncLifetime
{
    private const string Authority = "https://idp.example.test/realms/governance";
    private const string Audience = "iamgov";

    private readonly TempFolder _data = TempFolder.Create();
    private readonly RsaSecurityKey _idpKey = new(RSA.Create(2048)) { KeyId = "idp-1" };
    private readonly CapturingLoggerProvider _logs = new();
    private GovernanceApiFactory _factory = null!;

    public Task InitializeAsync()
    {
        _factory = new GovernanceApiFactory(TestDatabase.Sqlite(_data), _data, builder =>
        {
            builder.UseSetting("Governance:Auth:Authority", Authority);
            builder.UseSetting("Governance:Auth:Audience", Audience);
            builder.ConfigureLogging(logging => logging.AddProvider(_logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
            builder.ConfigureTestServices(services => services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, jwt =>
            {
                var configuration = new OpenIdConnectConfiguration { Issuer = Authority };
                configuration.SigningKeys.Add(_idpKey);
                jwt.Configuration = configuration;
                // The handler reads the configuration through its manager, made for the authority's address before this runs.
                jwt.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            }));
        });
        _ = _factory.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _logs.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task MemberEndpoints_IdpTokenWithGoodSubject_Answers()
    {
        // Arrange: shows the setup accepts the authority's tokens, so the refusals below are about the subject alone.
        var client = ClientWith(TestUsers.New("alice"));

        // Act
        var list = await client.GetAsync("/v1/access-requests");

        // Assert
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"{list.StatusCode} {list.Headers.WwwAuthenticate} {await list.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(RefusedSubjects.Names), MemberType = typeof(RefusedSubjects))]
    public async Task MemberEndpoints_IdpTokenWithSubjectThatNamesNoActor_Return401WithCode(string name)
    {
        // Arrange
        var (subject, refusal) = RefusedSubjects.Cases[name];
        var client = ClientWith(subject);

        // Act
        var requests = await client.GetAsync("/v1/access-requests");
        var grants = await client.GetAsync("/v1/grants");

        // Assert
        await RefusedSubjects.AssertRefusedAsync(requests, refusal);
        await RefusedSubjects.AssertRefusedAsync(grants, refusal);
        Assert.DoesNotContain(_logs.Messages, static m => m.Contains(RefusedSubjects.ForgedLine, StringComparison.Ordinal));
    }

    private HttpClient ClientWith(string? subject)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["role"] = new[] { "engineer" } };
        if (subject is not null)
        {
            claims["sub"] = subject;
        }
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(30),
            SigningCredentials = new SigningCredentials(_idpKey, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
