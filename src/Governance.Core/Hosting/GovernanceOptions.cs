using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Notifications;
using Governance.Core.Workflow.Credentials;
using Microsoft.Extensions.Configuration;

namespace Governance.Core.Hosting;

/// <summary>The <c>Governance</c> configuration section: the one options tree the API, the worker and their setup read.</summary>
/// <remarks>
/// Bound once by <see cref="Read"/>; checked at start by <see cref="GovernanceOptionsValidator"/>. The AWS switches
/// (<c>Governance:Provisioning:Mode</c>, <c>Governance:Account:Source</c>, <c>Governance:Aws:Region|Profile</c>) are
/// read by <see cref="Infrastructure.Aws.AwsIntegrationOptions"/>, which owns their combined rule and its messages.
/// </remarks>
public sealed class GovernanceOptions
{
    /// <summary>The section's name.</summary>
    public const string Section = "Governance";

    /// <summary>Where the service keeps its state: the SQLite file, the signing key, the account copy. Default <c>data/</c>.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The policies-as-code folder; default: the nearest <c>policies/</c> above the working directory.</summary>
    public string? PoliciesDirectory { get; set; }

    /// <summary>
    /// The organisation snapshot the service's copy starts from on its first start (a snapshot folder, or one account's
    /// <c>get-account-authorization-details</c> file); default <c>policies/demo-org</c>. <c>Governance:AccountSnapshotSeed</c>,
    /// its name before organisations, is read when this is not set.
    /// </summary>
    public string? OrganizationSnapshot { get; set; }

    /// <summary>The former name of <see cref="OrganizationSnapshot"/>, still read.</summary>
    public string? AccountSnapshotSeed { get; set; }

    /// <summary>Access request settings (<c>Governance:Requests</c>).</summary>
    public RequestOptions Requests { get; set; } = new();

    /// <summary>Database settings.</summary>
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Authentication settings.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>The jobs' schedules (<c>Governance:Scheduler</c>).</summary>
    public SchedulerOptions Scheduler { get; set; } = new();

    /// <summary>AWS settings bound here (<c>Governance:Aws</c>): STS credential vending.</summary>
    public AwsOptions Aws { get; set; } = new();

    /// <summary>Audit trail settings (<c>Governance:Audit</c>).</summary>
    public AuditOptions Audit { get; set; } = new();

    /// <summary>The browser console's settings (<c>Governance:Console</c>).</summary>
    public ConsoleOptions Console { get; set; } = new();

    /// <summary>Webhook notifications (<c>Governance:Notifications</c>).</summary>
    public NotificationOptions Notifications { get; set; } = new();

    /// <summary>What is kept, and for how long (<c>Governance:Retention</c>).</summary>
    public RetentionOptions Retention { get; set; } = new();

    /// <summary>Metrics settings (<c>Governance:Telemetry</c>).</summary>
    public Telemetry.TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Binds the section from <paramref name="configuration"/>.</summary>
    public static GovernanceOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(Section).Get<GovernanceOptions>() ?? new GovernanceOptions();
    }

    /// <summary>The database section.</summary>
    public sealed class DatabaseOptions
    {
        /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
        public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

        /// <summary>The connection string; for SQLite the default is <c>governance.db</c> in the data folder.</summary>
        public string? ConnectionString { get; set; }
    }

    /// <summary>The authentication section.</summary>
    public sealed class AuthOptions
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

    /// <summary>The audit section.</summary>
    public sealed class AuditOptions
    {
        /// <summary>Signed checkpoints of the audit chain (<c>Governance:Audit:Checkpoints</c>).</summary>
        public AuditCheckpointOptions Checkpoints { get; set; } = new();
    }

    /// <summary>The AWS section.</summary>
    public sealed class AwsOptions
    {
        /// <summary>Short-lived credentials for approved grants (<c>Governance:Aws:Sts</c>).</summary>
        public CredentialVendingOptions Sts { get; set; } = new();
    }
}
