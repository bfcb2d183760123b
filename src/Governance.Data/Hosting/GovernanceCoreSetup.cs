using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Exclusions;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Provisioning;
using Governance.Core.Infrastructure.Aws.Sts;
using Governance.Core.Infrastructure.Data;
using Governance.Core.Notifications;
using Governance.Core.OrganizationCopy;
using Governance.Core.Policies;
using Governance.Core.Telemetry;
using Governance.Core.Workflow.Credentials;
using Governance.Core.Workflow.Grants;
using Governance.Core.Workflow.Preview;
using Governance.Core.Workflow.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyEngine.Catalog;

namespace Governance.Core.Hosting;

/// <summary>The one composition root of the domain: what the API, the worker and the test hosts all register.</summary>
public static class GovernanceCoreSetup
{
    /// <summary>
    /// Binds <see cref="GovernanceOptions"/> (validated at start), resolves <see cref="GovernancePaths"/>, and registers
    /// the policies, the account copy, the authorizer, the workflow services, the drift reports, the AWS parts the
    /// settings turn on, and the database.
    /// </summary>
    /// <remarks>
    /// Every choice between implementations is made here, once, from the settings: the grant provisioner (the account
    /// copy or IAM), the role-session issuer (STS or a stand-in that says how to turn it on), the database provider.
    /// Registrations use TryAdd where a host or a test may register its own first.
    /// </remarks>
    /// <returns>The bound options and the resolved paths, for the host's own setup.</returns>
    public static (GovernanceOptions Options, GovernancePaths Paths) AddGovernanceCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = GovernanceOptions.Read(configuration);
        // The composition below is chosen from these values (the database provider, the provisioner), so they are checked
        // now, by the same validator ValidateOnStart runs, rather than failing later inside a migration.
        if (new GovernanceOptionsValidator().Validate(Options.DefaultName, options) is { Failed: true } invalid)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(GovernanceOptions), invalid.Failures);
        }
        var paths = GovernancePaths.Resolve(options);
        var aws = AwsIntegrationOptions.Read(key => configuration[key]);
        // The data folder holds the database (the organisation copy, requests, the audit trail) and the signing key.
        DataFolder.Prepare(paths.DataDirectory);

        services.AddOptions<GovernanceOptions>().Bind(configuration.GetSection(GovernanceOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GovernanceOptions>, GovernanceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(paths);

        services.AddSingleton(_ => GovernancePolicies.Load(paths.PoliciesDirectory));
        services.AddSingleton<OrganizationStore>();
        services.AddGovernanceMetrics(options.Telemetry);
        services.AddSingleton<CurrentAuthorizer>();
        services.AddSingleton(ActionCatalog.Default);

        services.TryAddSingleton<IAccessPreviewer, DeltaPreviewer>();
        services.AddAwsIntegration(aws);
        // The one place the provisioner is chosen: from the setting, never from registration order.
        if (aws.Provisioning == ProvisioningMode.Aws)
        {
            services.AddSingleton<IGrantProvisioner, AwsGrantProvisioner>();
        }
        else
        {
            services.AddScoped<IGrantProvisioner, SnapshotGrantProvisioner>();
        }
        services.AddSingleton(options.Requests.Limits);
        services.TryAddSingleton<RequestPreviewer>();
        services.AddScoped<AccessRequestService>();
        services.AddScoped<GrantService>();
        services.TryAddScoped<PendingRequestExpiry>();
        AddCredentialVending(services, options.Aws.Sts);

        services.TryAddScoped<DriftReportRepository>();
        services.TryAddSingleton(new DriftReportStore(paths.ReportsDirectory));
        services.TryAddSingleton(new RolesAsCodeFolder(paths.RolesDirectory));
        services.TryAddScoped<DriftAuditService>();
        services.TryAddSingleton(new GuardrailsFolder(paths.GuardrailsDirectory));
        services.TryAddSingleton(new ExclusionsFile(paths.ExclusionsFile));
        services.TryAddSingleton<DriftAuditGate>();
        services.TryAddScoped<DriftAuditRunner>();

        services.AddAuditCheckpoints(options.Audit.Checkpoints, paths);

        // The outbox's parts; Scheduler's AddGovernanceNotifications runs them where webhooks are configured.
        services.AddSingleton(options.Notifications);
        services.TryAddScoped<NotificationFeed>();
        services.TryAddScoped<DeliveryQueue>();

        services.AddGovernanceDatabase(options.Database.Provider,
            options.Database.ConnectionString is { Length: > 0 } cs ? cs : GovernanceDatabase.SqliteConnectionString(paths.DataDirectory));
        return (options, paths);
    }

    /// <summary>
    /// Registers <see cref="GovernanceMetrics"/> on the host's meter factory, its gauges read from the database and the
    /// checkpoint store (<see cref="DatabaseStateReader"/>); called by <see cref="AddGovernanceCore"/> and by the scheduler's
    /// setup, whichever comes first.
    /// </summary>
    public static IServiceCollection AddGovernanceMetrics(this IServiceCollection services, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IGovernanceStateReader, DatabaseStateReader>();
        services.TryAddSingleton(static sp => new GovernanceMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>(), sp.GetService<IGovernanceStateReader>()));
        return services;
    }

    /// <summary>The audit checkpoint signer (the key file), store (the folder) and writer; a host or test may register its own first.</summary>
    /// <remarks>Called by <see cref="AddGovernanceCore"/>, and by the scheduler's setup for hosts that register only the jobs.</remarks>
    public static IServiceCollection AddAuditCheckpoints(this IServiceCollection services, AuditCheckpointOptions options, GovernancePaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        services.TryAddSingleton(options);
        services.TryAddSingleton<IAuditCheckpointSigner>(_ => AuditCheckpointKeyFile.Load(paths.AuditCheckpointKeyFile, create: !paths.AuditCheckpointKeyConfigured));
        services.TryAddSingleton<IAuditCheckpointStore>(new AuditCheckpointFolder(paths.AuditCheckpointsDirectory));
        services.TryAddScoped<AuditCheckpointWriter>();
        return services;
    }

    /// <summary>STS when <c>Governance:Aws:Sts:Enabled</c> is true, otherwise a stand-in that answers how to turn it on.</summary>
    private static void AddCredentialVending(IServiceCollection services, CredentialVendingOptions options)
    {
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
    }
}
