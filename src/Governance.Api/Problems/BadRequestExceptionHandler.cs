using System.Text.Json;
using Governance.Api.Protection;
using Microsoft.AspNetCore.Diagnostics;

namespace Governance.Api.Problems;

/// <summary>
/// Turns request-binding failures (malformed JSON, a string where a number belongs, a missing body) into 400
/// problem details that name the offending field, from the JSON reader's path.
/// </summary>
internal sealed class BadRequestExceptionHandler(ILogger<BadRequestExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = httpContext.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? RequestBodyLimits.DefaultBytes;
            await RequestBodyLimits.TooLarge(limit).ExecuteAsync(httpContext).ConfigureAwait(false);
            return true;
        }
        var json = FindJsonException(bad);
        var field = FieldOf(json?.Path);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // The path holds property names the caller chose.
            logger.BadRequest(bad.StatusCode, ApiLog.Printable(field));
        }
        var message = json is null ? bad.Message : $"invalid JSON value{(json.LineNumber is { } line ? $" at line {line + 1}" : string.Empty)}";
        var result = bad.StatusCode == StatusCodes.Status400BadRequest
            ? ProblemMapping.Invalid(field, message)
            : TypedResults.Problem(statusCode: bad.StatusCode, detail: bad.Message);
        await ((IResult)result).ExecuteAsync(httpContext).ConfigureAwait(false);
        return true;
    }

    private static JsonException? FindJsonException(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }
        return null;
    }

    /// <summary><c>$.resources[1]</c> → <c>resources[1]</c>; the whole body when the reader gives no path.</summary>
    private static string FieldOf(string? path) => path switch
    {
        null or "" or "$" => "body",
        _ when path.StartsWith("$.", StringComparison.Ordinal) => path[2..],
        _ => path.TrimStart('$'),
    };
}
