using System.Collections.Immutable;
using Governance.Api.Problems;
using Governance.Core.Results;
using PolicyEngine.Text;

namespace Governance.Api.Endpoints;

/// <summary>
/// The one rule for the query of every <c>/v1</c> endpoint: a parameter the endpoint does not declare
/// (<see cref="DeclaredQueryParameters"/>) is refused with 400 <c>unknown-query-parameter</c>, naming each and the
/// nearest known name; a single-valued parameter given twice (<c>?page=1&amp;page=2</c>) with 400
/// <c>repeated-query-parameter</c>. A misspelt filter would otherwise be ignored and the answer would list everything.
/// </summary>
/// <remarks>
/// Runs after authorization, so a caller who may not call the endpoint learns nothing about its parameters. The
/// console's pages are not <c>/v1</c> and keep their own rules.
/// </remarks>
internal static class QueryParameterCheck
{
    /// <summary>The prefix of the routes the rule applies to.</summary>
    public const string ApiPrefix = "/v1";

    public static IApplicationBuilder UseQueryParameterCheck(this IApplicationBuilder app)
        => app.Use(static async (context, next) =>
        {
            if (Refusal(context) is { } refusal)
            {
                await refusal.ToProblem().ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>Why the request's query is refused, or null when it is not (or the rule does not apply).</summary>
    public static GovernanceError? Refusal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.StartsWithSegments(ApiPrefix, StringComparison.OrdinalIgnoreCase) || context.Request.Query.Count == 0
            || context.GetEndpoint() is not { } endpoint || DeclaredQueryParameters.Of(endpoint) is not { } declared)
        {
            return null;
        }
        var unknown = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var repeated = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (!declared.TryGetValue(name, out var many))
            {
                var known = declared.Count == 0 ? "this endpoint takes no query parameter" : $"known: {string.Join(", ", declared.Keys.Order(StringComparer.Ordinal))}";
                var nearest = Suggestions.Closest(name, declared.Keys);
                unknown[name] = [nearest is null ? $"unknown query parameter; {known}" : $"unknown query parameter; did you mean `{nearest}`? ({known})"];
            }
            else if (!many && values.Count > 1)
            {
                repeated[name] = [$"given {values.Count} times; give it once"];
            }
        }
        if (unknown.Count > 0)
        {
            return Refuse(ProblemCodes.UnknownQueryParameter, unknown);
        }
        return repeated.Count > 0 ? Refuse(ProblemCodes.RepeatedQueryParameter, repeated) : null;
    }

    /// <summary>A validation problem with its own code, whose <c>errors</c> and <c>parameters</c> name each parameter.</summary>
    private static GovernanceError Refuse(string code, Dictionary<string, List<string>> fields)
        => GovernanceError.Invalid(fields) with
        {
            Code = code,
            Detail = string.Join("; ", fields.Select(static f => $"`{f.Key}`: {f.Value[0]}")),
            Extensions = ImmutableDictionary<string, object?>.Empty.Add("parameters", fields.Keys.ToArray()),
        };
}
