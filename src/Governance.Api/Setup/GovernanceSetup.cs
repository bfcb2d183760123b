using System.Text.Json.Serialization;
using Governance.Api.Auth;
using Governance.Api.Endpoints;
using Governance.Api.Health;
using Governance.Api.OpenApi;
using Governance.Api.Problems;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Formats;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Data;
using Microsoft.AspNetCore.Http.Json;

namespace Governance.Api.Setup;

/// <summary>Registers the domain (through <see cref="GovernanceCoreSetup.AddGovernanceCore"/>) and what the HTTP API adds to it.</summary>
internal static class GovernanceSetup
{
    public static (GovernanceOptions Options, GovernancePaths Paths) AddGovernance(this WebApplicationBuilder builder)
    {
        builder.AddAppSettingsBesideBinary();
        var (options, paths) = builder.Services.AddGovernanceCore(builder.Configuration);
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableExceptionHandler>();
        // Binding failures throw, so that BadRequestExceptionHandler can name the field in a problem response.
        services.Configure<RouteHandlerOptions>(static o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(static o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            // The web defaults read "8" as 8; a string is not a number.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // Every time in an answer in the one form (UtcTimestamp); the default writes an offset and seven digits.
            o.SerializerOptions.Converters.Add(UtcTimestampJsonConverter.Instance);
        });
        services.AddGovernanceOpenApi();
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        if (options.Notifications.Webhooks.Count > 0)
        {
            // Degraded, never unhealthy: /health/ready stays 200 while a receiver is down, and says which.
            health.AddCheck<WebhookHealthCheck>("webhooks", tags: [HealthEndpoints.ReadyTag]);
        }
        return (options, paths);
    }

    /// <summary>Prepares the state the service answers from (see <see cref="GovernanceStartup.InitializeAsync"/>), so that a broken file stops the start.</summary>
    public static async Task InitializeGovernanceAsync(this WebApplication app)
    {
        app.Services.ResolveAuthenticationAtStart();
        var read = await GovernanceStartup.InitializeAsync(app.Services, app.Lifetime.ApplicationStopping);
        if (read is { Success: true })
        {
            app.Logger.LiveCopyLoaded(read.Description);
        }
        else if (read is not null)
        {
            app.Logger.LiveCopyKept(read.Description);
        }
        var options = app.Services.GetRequiredService<GovernanceOptions>();
        var paths = app.Services.GetRequiredService<GovernancePaths>();
        app.Logger.Started(paths.DataDirectory, options.Database.Provider, paths.PoliciesDirectory);
        var checkpointKey = app.Services.GetRequiredService<IAuditCheckpointSigner>().PublicKey.KeyId;
        app.Logger.AuditCheckpoints(checkpointKey, paths.AuditCheckpointKeyFile, paths.AuditCheckpointsDirectory);
        if (options.Database.Provider == DatabaseProvider.Postgres
            && (string.IsNullOrEmpty(options.Audit.Checkpoints.KeyFile) || string.IsNullOrEmpty(options.Audit.Checkpoints.Folder)))
        {
            app.Logger.AuditCheckpointsLocal();
        }
    }
}
