using Governance.Api.Problems;
using Governance.Core.Results;
using Microsoft.AspNetCore.Http.Features;

namespace Governance.Api.Protection;

/// <summary>
/// Caps every request body by its endpoint (<see cref="BodyLimit"/>, else <see cref="DefaultBytes"/>), answering 413 with
/// problem details before the body is read when its <c>Content-Length</c> says it is too large, and while it is read otherwise.
/// </summary>
internal static class RequestBodyLimits
{
    /// <summary>
    /// Bodies of submissions and decisions: a justification of <c>AccessRequestService.MaxJustificationLength</c> characters
    /// and <c>AccessRequestService.MaxResources</c> ARNs of 2,048 make about 45 KB; a comment of
    /// <c>DecisionComment.MaxLength</c> far less.
    /// </summary>
    public const long DefaultBytes = 64 * 1024;

    /// <summary>
    /// <c>POST /v1/simulate</c>: its cases carry policies (a role's inline policies total at most 10,240 characters, a
    /// managed policy 6,144, an S3 bucket policy 20 KB), so a batch of cases needs room; the engine's work grows linearly with it.
    /// </summary>
    public const long SimulateBytes = 1024 * 1024;

    /// <summary>Sets <paramref name="bytes"/> as the largest body the endpoints of <paramref name="builder"/> take.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new BodyLimit(bytes));

    /// <summary>Runs after routing, so that each endpoint's own limit is known.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app)
        => app.Use(static (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? DefaultBytes;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
            {
                // Kestrel then refuses a longer body itself, also for chunked requests.
                server.MaxRequestBodySize = limit;
            }
            if (context.Request.ContentLength > limit)
            {
                return TooLarge(limit).ExecuteAsync(context);
            }
            // A chunked body: counted as it is read. A request the server knows to have no body (a GET) is left alone.
            if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
            {
                context.Request.Body = new LimitedRequestBody(context.Request.Body, limit);
            }
            return next(context);
        });

    /// <summary>The 413 problem, naming the limit.</summary>
    public static IResult TooLarge(long limit)
        => new GovernanceError(GovernanceErrorKind.PayloadTooLarge, ProblemCodes.BodyTooLarge, $"the body is larger than {limit} bytes, the most this endpoint takes")
        {
            Extensions = System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty.Add("limitBytes", limit),
        }.ToProblem();
}
