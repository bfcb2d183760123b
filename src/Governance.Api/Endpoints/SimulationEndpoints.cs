using System.Runtime.InteropServices;
using System.Text.Json;
using Governance.Api.Auth;
using Governance.Api.Contracts;
using Governance.Api.Problems;
using Governance.Api.Protection;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;
using Governance.Core.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using PolicyEngine.Conformance;
using PolicyEngine.Evaluation;
using PolicyEngine.Syntax;

namespace Governance.Api.Endpoints;

/// <summary>
/// <c>POST /v1/simulate</c>: decides the engine's simulate input, one case in the conformance format
/// (<c>ConformanceCaseReader</c>, as <c>iamgov simulate</c> reads a line) or <c>{"cases":[...]}</c>, with explanations.
/// </summary>
internal static class SimulationEndpoints
{
    /// <summary>The most cases one batch may hold; each is compiled on its own.</summary>
    public const int MaxCases = 500;

    public static RouteGroupBuilder MapSimulate(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/simulate").WithTags("Access questions").RequireAuthorization(AuthorizationPolicies.Member);
        group.MapPost("/", Simulate).WithBodyLimit(RequestBodyLimits.SimulateBytes).WithName("SimulatePolicies").WithSummary("Decide cases of the engine's simulate input, with explanations");
        return group;
    }

    public static Results<JsonWriterResult, ProblemHttpResult> Simulate(JsonElement body, GovernanceMetrics metrics, CancellationToken cancellationToken)
    {
        // Binding to a JsonElement keeps what no string can hold (lone surrogate escapes, invalid UTF-8 inside a
        // string), which would throw when a case is read: refuse it here, with its place.
        if (JsonTextCheck.Check(JsonMarshal.GetRawUtf8Value(body).ToArray()) is { } problem)
        {
            return ProblemMapping.Invalid(problem.Path.Length == 0 ? "body" : problem.Path,
                $"{problem.Message} at line {problem.Line} column {problem.Column}");
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ProblemMapping.Invalid("body", "expected a case object or {\"cases\":[...]}");
        }
        var batch = body.TryGetProperty("cases", out var cases);
        if (batch && cases.ValueKind != JsonValueKind.Array)
        {
            return ProblemMapping.Invalid("cases", "`cases` must be an array of case objects");
        }
        var elements = batch ? [.. cases.EnumerateArray()] : new[] { body };
        if (elements.Length > MaxCases)
        {
            return ProblemMapping.Invalid("cases", $"{elements.Length} cases; at most {MaxCases} per request");
        }
        var parsed = new ConformanceCase[elements.Length];
        for (var i = 0; i < elements.Length; i++)
        {
            if (elements[i].ValueKind == JsonValueKind.Object && SimulatePolicySizes.FirstTooLarge(elements[i], batch ? $"cases[{i}]" : string.Empty) is { } tooLarge)
            {
                return ProblemMapping.Invalid(tooLarge.Field, tooLarge.Message);
            }
            var read = ConformanceCaseReader.Parse(elements[i].GetRawText());
            if (read.Case is not { } testCase)
            {
                return ProblemMapping.Invalid(batch ? $"cases[{i}]" : "body", read.Error!);
            }
            if (RequestChecks.CheckRequestBounds(testCase.Request) is { } outOfBounds)
            {
                return ProblemMapping.Invalid(batch ? $"cases[{i}].request" : "request", outOfBounds);
            }
            parsed[i] = testCase;
        }
        return new JsonWriterResult(json =>
        {
            if (batch)
            {
                json.WriteStartObject();
                json.WriteStartArray("results");
            }
            foreach (var testCase in parsed)
            {
                // A client that hung up stops the work between cases (the request's token is cancelled).
                cancellationToken.ThrowIfCancellationRequested();
                WriteCase(json, testCase, metrics);
            }
            if (batch)
            {
                json.WriteEndArray();
                json.WriteEndObject();
            }
        });
    }

    /// <summary><c>{"id","decision","expected","matchesExpected","policyErrors","explanation"}</c>; the last as <c>iamgov simulate --explain</c> writes it.</summary>
    private static void WriteCase(Utf8JsonWriter json, ConformanceCase testCase, GovernanceMetrics metrics)
    {
        // A case brings its own policies, so its decision's time includes compiling them.
        var started = GovernanceMetrics.StartDecision();
        var compiled = PolicyCompiler.Compile(testCase.Policies);
        var result = compiled.Evaluate(testCase.Request);
        metrics.Decided(EngineQuestion.Simulate, started);
        json.WriteStartObject();
        json.WriteString("id", testCase.Id);
        json.WriteString("decision", result.Decision.ToString());
        if (testCase.Expected is { } expected)
        {
            json.WriteString("expected", expected.ToString());
            json.WriteBoolean("matchesExpected", expected == result.Decision);
        }
        json.WriteStartArray("policyErrors");
        foreach (var error in compiled.Errors)
        {
            json.WriteStartObject();
            json.WriteString("policyType", error.PolicyType.ToString());
            json.WriteString("policy", error.PolicyName);
            json.WriteString("code", error.Diagnostic.Code);
            json.WriteString("message", error.Diagnostic.Message);
            json.WriteNumber("line", error.Diagnostic.Location.Line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WritePropertyName("explanation");
        ExplanationJson.Write(json, result);
        json.WriteEndObject();
    }
}
