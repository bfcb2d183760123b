using Governance.Api.Contracts;
using Governance.Core.Results;
using Governance.Core.Workflow.Requests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Problems;

/// <summary>Turns domain errors into RFC 9457 problem details; every error the API returns goes through here.</summary>
internal static class ProblemMapping
{
    /// <summary>The <c>type</c> of a problem with a stable code.</summary>
    public static string TypeOf(string code) => $"urn:iamgov:problem:{code}";

    public static ProblemHttpResult ToProblem(this GovernanceError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var status = error.Kind switch
        {
            GovernanceErrorKind.Validation => StatusCodes.Status400BadRequest,
            GovernanceErrorKind.NotFound => StatusCodes.Status404NotFound,
            GovernanceErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            GovernanceErrorKind.Conflict => StatusCodes.Status409Conflict,
            GovernanceErrorKind.ProvisioningFailed => StatusCodes.Status500InternalServerError,
            GovernanceErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
            GovernanceErrorKind.UpstreamFailed => StatusCodes.Status502BadGateway,
            GovernanceErrorKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
            GovernanceErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
            GovernanceErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
            GovernanceErrorKind.PayloadTooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status500InternalServerError,
        };
        ProblemDetails problem = error.Fields is { Count: > 0 } fields
            ? new HttpValidationProblemDetails(fields.ToDictionary(static f => f.Key, static f => f.Value, StringComparer.Ordinal))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = Title(error.Kind);
        problem.Detail = error.Detail;
        problem.Type = TypeOf(error.Code);
        problem.Extensions["code"] = error.Code;
        foreach (var (name, value) in error.Extensions)
        {
            if (value is RequestPreview current)
            {
                // A changed preview is shown as GET /v1/access-requests/{id} shows it, to be read and approved again.
                problem.Extensions["previewVersion"] = current.Version;
                problem.Extensions["approvalsRequired"] = current.ApprovalsRequired;
                problem.Extensions["preview"] = AccessPreviewDto.From(current.Preview);
            }
            else
            {
                problem.Extensions[name] = value;
            }
        }
        if (error.RetryAfter is { } retryAfter)
        {
            problem.Extensions["retryAfterSeconds"] = (long)Math.Ceiling(retryAfter.TotalSeconds);
        }
        return TypedResults.Problem(problem);
    }

    /// <summary>As <see cref="ToProblem(GovernanceError)"/>, and sets the answer's <c>Retry-After</c> header when the error says when to retry.</summary>
    public static ProblemHttpResult ToProblem(this GovernanceError error, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(http);
        if (error.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return error.ToProblem();
    }

    /// <summary>401: the caller's token is refused; the bearer challenge's <c>WWW-Authenticate</c> header says so too.</summary>
    public static ProblemHttpResult Unauthorized(string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = "The token is not accepted",
            Detail = detail,
            Type = TypeOf(code),
        };
        problem.Extensions["code"] = code;
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Forbidden(string code, string detail) => GovernanceError.Forbidden(code, detail).ToProblem();

    public static ProblemHttpResult Invalid(string field, string message) => GovernanceError.Invalid(field, message).ToProblem();

    private static string Title(GovernanceErrorKind kind) => kind switch
    {
        GovernanceErrorKind.Validation => "The request is invalid",
        GovernanceErrorKind.NotFound => "Not found",
        GovernanceErrorKind.Forbidden => "Forbidden",
        GovernanceErrorKind.Conflict => "Conflict",
        GovernanceErrorKind.Unavailable => "Not available",
        GovernanceErrorKind.UpstreamFailed => "A service this one depends on refused the call",
        GovernanceErrorKind.Unprocessable => "The request would change nothing",
        GovernanceErrorKind.PreconditionRequired => "A precondition is required",
        GovernanceErrorKind.TooManyRequests => "Too many requests",
        GovernanceErrorKind.PayloadTooLarge => "The request is too large",
        _ => "The change could not be applied",
    };
}
