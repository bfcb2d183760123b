using Governance.Api.Console;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Governance.Api.Problems;
using Governance.Core.Results;
using Microsoft.AspNetCore.RateLimiting;

namespace Governance.Api.Protection;

/// <summary>
/// The HTTP-level rate limits of <see cref="RateLimitSettings"/>: 429 with problem details (code
/// <see cref="ProblemCodes.RateLimited"/>) and <c>Retry-After</c>. Apart from the domain's per-requester submission limits.
/// </summary>
internal static class RateLimits
{
    /// <summary>Reads <see cref="RateLimitSettings"/> once at start.</summary>
    public static IServiceCollection AddGovernanceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings();
        Validate(settings.PerAddress, "PerAddress");
        Validate(settings.PerSubject, "PerSubject");
        // The middleware needs the limiter's services (its metrics) even though each use passes its own options.
        services.AddRateLimiter(static _ => { });
        return services.AddSingleton(settings);
    }

    /// <summary>The per-address limit; before authentication.</summary>
    public static IApplicationBuilder UseAddressRateLimit(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<RateLimitSettings>();
        return settings.Enabled
            ? app.UseRateLimiter(Options(settings.PerAddress, "client address",
                static context => context.Connection.RemoteIpAddress?.ToString() ?? "unknown"))
            : app;
    }

    /// <summary>The per-subject limit; after authentication, so that the token's <c>sub</c> is known.</summary>
    public static IApplicationBuilder UseSubjectRateLimit(this IApplicationBuilder app)
    {
        var settings = app.ApplicationServices.GetRequiredService<RateLimitSettings>();
        return settings.Enabled
            ? app.UseRateLimiter(Options(settings.PerSubject, "token subject",
                static context => context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue("sub") : null))
            : app;
    }

    private static RateLimiterOptions Options(WindowLimit limit, string per, Func<HttpContext, string?> partitionKey)
    {
        var options = new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => partitionKey(context) is { } key
                ? RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limit.PermitLimit,
                    Window = limit.Window,
                    QueueLimit = limit.QueueLimit,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter(string.Empty)),
            OnRejected = (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limit.Window;
                var error = new GovernanceError(GovernanceErrorKind.TooManyRequests, ProblemCodes.RateLimited,
                    $"more than {limit.PermitLimit} requests per {limit.Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s from this {per}; retry later")
                {
                    RetryAfter = retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter,
                };
                if (!ConsolePaths.IsApi(rejected.HttpContext.Request.Path))
                {
                    // A person at the console reads a page, not a problem document: the status alone, which the
                    // console's error pages (ConsoleErrorPage, around this middleware) turn into one.
                    rejected.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(error.RetryAfter!.Value.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                    return ValueTask.CompletedTask;
                }
                return new ValueTask(error.ToProblem(rejected.HttpContext).ExecuteAsync(rejected.HttpContext));
            },
        };
        return options;
    }

    private static void Validate(WindowLimit limit, string name)
    {
        if (limit.PermitLimit < 1 || limit.Window <= TimeSpan.Zero || limit.QueueLimit < 0)
        {
            throw new InvalidOperationException(
                $"{RateLimitSettings.Section}:{name} needs PermitLimit of at least 1, a positive Window and a QueueLimit of at least 0");
        }
    }
}
