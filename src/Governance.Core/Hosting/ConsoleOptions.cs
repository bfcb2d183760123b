namespace Governance.Core.Hosting;

/// <summary>The browser console's settings (<c>Governance:Console</c>).</summary>
/// <remarks>
/// The console signs people in with OpenID Connect (authorization code with PKCE) at <c>Governance:Auth:Authority</c>,
/// mapping roles from <c>Governance:Auth:RoleClaim</c> as the bearer API does. With no authority it offers the demo sign-in.
/// </remarks>
public sealed class ConsoleOptions
{
    /// <summary>The OpenID Connect client id the console signs in as; required when an authority is configured.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for a confidential client; PKCE is used either way. Never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The scopes asked for besides <c>openid</c>.</summary>
    public string[] Scopes { get; set; } = ["profile"];

    /// <summary>The longest <see cref="SessionMinutes"/>: 30 days.</summary>
    public const int MaxSessionMinutes = 43_200;

    /// <summary>How long a console session lasts from sign-in, in minutes; it does not slide.</summary>
    public int SessionMinutes { get; set; } = 480;
}
