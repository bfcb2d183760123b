using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Console.Infrastructure.Oidc;

/// <summary>The test identity provider's store: OpenIddict's clients, authorizations and tokens, in SQLite in memory.</summary>
public sealed class OidcProviderDbContext(DbContextOptions<OidcProviderDbContext> options) : DbContext(options);
