using Governance.Core.Data;

namespace Governance.Api.Setup;

/// <summary>The <c>Governance</c> configuration section.</summary>
internal sealed class GovernanceOptions
{
    /// <summary>The section's name.</summary>
    public const string Section = "Governance";

    /// <summary>Where the service keeps its state: the SQLite file, the signing key, the account copy. Default <c>data/</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The policies-as-code folder; default: the nearest <c>policies/</c> above the working directory.</summary>
    public string? PoliciesDirectory { get; set; }

    /// <summary>The snapshot copied into the data folder on first start; default <c>policies/demo-account.json</c>.</summary>
    public string? AccountSnapshotSeed { get; set; }

    /// <summary>Database settings.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Authentication settings.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>The database section.</summary>
    internal sealed class DatabaseOptions
    {
        /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
        public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

        /// <summary>The connection string; for SQLite the default is <c>governance.db</c> in the data folder.</summary>
        public string? ConnectionString { get; set; }
    }

    /// <summary>The authentication section.</summary>
    internal sealed class AuthOptions
    {
        /// <summary>An OIDC authority; when set, tokens come from it and the local signing key is not used.</summary>
        public string? Authority { get; set; }

        /// <summary>The audience tokens from <see cref="Authority"/> must carry.</summary>
        public string? Audience { get; set; }

        /// <summary>The algorithms accepted from <see cref="Authority"/>.</summary>
        public string[] Algorithms { get; set; } = ["RS256", "ES256"];

        /// <summary>The claim that carries roles.</summary>
        public string RoleClaim { get; set; } = "role";

        /// <summary>Tolerated clock difference, in seconds.</summary>
        public int ClockSkewSeconds { get; set; } = 30;
    }
}
