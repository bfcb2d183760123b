using Governance.Core.Accounts;
using Governance.Core.Results;
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
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// A principal name that did not resolve: 404 when no principal has it, 400 naming the <c>principal</c> field when the
    /// name is ambiguous or malformed (the caller must write it differently); the closest or the ambiguous matches are
    /// listed as <c>candidates</c>.
    /// </summary>
    public static ProblemHttpResult PrincipalNotResolved(PrincipalLookupError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = (ProblemDetails)(error.Failure == PrincipalLookupFailure.NotFound
            ? GovernanceError.NotFound(ProblemCodes.PrincipalNotFound, error.ToString()).ToProblem()
            : Invalid("principal", error.ToString())).ProblemDetails;
        problem.Extensions["candidates"] = error.Candidates;
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
        _ => "The change could not be applied",
    };
}
