using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PolicyEngine.Catalog;
using PolicyEngine.Evaluation;
using PolicyEngine.Explain;
using PolicyEngine.Model;

namespace Governance.Cli.Simulation;

/// <summary>
/// Runs a <see cref="CustomPolicyInput"/> and writes SimulatePolicyResponse as botocore's IAM model has it
/// (commit 885f434f7, 2026-07-30): one EvaluationResult per action, one ResourceSpecificResult per resource under it.
/// </summary>
/// <remarks>
/// Positions are AWS's (see the tests): 1-based line and column of the statement's <c>{</c> and <c>}</c>, a lone
/// statement object read as a list of one. MatchedStatements and
/// MissingContextValues come from identity and resource policies only, as the model's documentation says; the
/// permissions boundary and the SCPs have their own detail. The top-level result takes, over the resources, the most
/// restrictive decision, the union of statements and of missing keys.
/// </remarks>
internal static class CustomPolicySimulator
{
    /// <summary>The key of EvalDecisionDetails for the caller's side and for the resource's policy.</summary>
    public const string IdentitySide = "IAM Policy";

    /// <summary>The key of EvalDecisionDetails for the resource's policy.</summary>
    public const string ResourceSide = "Resource Policy";

    /// <summary>The whole response: EvaluationResults, IsTruncated, and Marker when truncated.</summary>
    public static JsonObject Simulate(CustomPolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var compiled = PolicyCompiler.Compile(input.Policies);
        var end = input.MaxItems is { } max ? Math.Min(input.Actions.Length, input.Start + max) : input.Actions.Length;
        var results = new JsonArray();
        for (var a = input.Start; a < end; a++)
        {
            results.Add(ActionResult(input, compiled, input.Actions[a]));
        }
        var response = new JsonObject { ["EvaluationResults"] = results, ["IsTruncated"] = end < input.Actions.Length };
        if (end < input.Actions.Length)
        {
            response["Marker"] = CustomPolicyInput.MarkerFor(end);
        }
        return response;
    }

    private static JsonObject ActionResult(CustomPolicyInput input, CompiledPolicySet compiled, string action)
    {
        var perResource = input.Resources.Select(resource =>
        {
            var request = AuthorizationRequest.Create(input.Caller, action, resource, input.ResourceAccount, input.Context);
            return (Resource: resource, Request: request, Result: compiled.Evaluate(request));
        }).ToList();
        var specific = perResource.Any(static r => r.Resource != "*");
        var result = new JsonObject
        {
            ["EvalActionName"] = action,
            // One resource: its ARN, as AWS's responses show; several: their type's ARN format, as the model documents.
            ["EvalResourceName"] = !specific ? "*" : input.Resources.Length == 1 ? input.Resources[0] : ResourceTemplate(action, input.Resources),
            ["EvalDecision"] = Name(perResource.Select(static r => r.Result.Decision).MaxBy(Restrictiveness)),
            ["MatchedStatements"] = Statements(input, perResource.SelectMany(static r => r.Result.DecidingStatements)),
            ["MissingContextValues"] = new JsonArray([.. perResource.SelectMany(static r => r.Result.Explanation.MissingContextKeys)
                .Distinct(StringComparer.Ordinal).Select(static k => (JsonNode)k)]),
        };
        if (!input.Policies.ServiceControlPolicies.IsDefaultOrEmpty)
        {
            var levels = input.Policies.ServiceControlPolicies.Length;
            result["OrganizationsDecisionDetail"] = new JsonObject
            {
                ["AllowedByOrganizations"] = perResource.All(r => AllowedByOrganizations(r.Result.Explanation, levels)),
            };
        }
        if (input.Policies.PermissionsBoundary is not null)
        {
            result["PermissionsBoundaryDecisionDetail"] = BoundaryDetail(perResource.All(static r => AllowedByBoundary(r.Result.Explanation)));
        }
        if (specific)
        {
            result["EvalDecisionDetails"] = DecisionDetails(perResource.Select(r => Details(input, r.Request, r.Result)));
            result["ResourceSpecificResults"] = new JsonArray([.. perResource.Select(r => (JsonNode)ResourceResult(input, r.Resource, r.Request, r.Result))]);
        }
        return result;
    }

    private static JsonObject ResourceResult(CustomPolicyInput input, string resource, AuthorizationRequest request, AuthorizationResult result)
    {
        var json = new JsonObject
        {
            ["EvalResourceName"] = resource,
            ["EvalResourceDecision"] = Name(result.Decision),
            ["MatchedStatements"] = Statements(input, result.DecidingStatements),
        };
        // AWS leaves both out of a resource's result when they are empty (its responses show EvalResourceName,
        // EvalResourceDecision and MatchedStatements alone); EvalDecisionDetails is there for cross-account requests.
        if (!result.Explanation.MissingContextKeys.IsEmpty)
        {
            json["MissingContextValues"] = new JsonArray([.. result.Explanation.MissingContextKeys.Select(static k => (JsonNode)k)]);
        }
        if (Details(input, request, result) is { IsEmpty: false } details)
        {
            json["EvalDecisionDetails"] = DecisionDetails([details]);
        }
        if (input.Policies.PermissionsBoundary is not null)
        {
            json["PermissionsBoundaryDecisionDetail"] = BoundaryDetail(AllowedByBoundary(result.Explanation));
        }
        return json;
    }

    private static JsonArray Statements(CustomPolicyInput input, IEnumerable<StatementRef> statements)
    {
        var array = new JsonArray();
        foreach (var statement in statements.Where(static s => s.PolicyType is PolicyType.Identity or PolicyType.Resource).Distinct())
        {
            var json = new JsonObject
            {
                ["SourcePolicyId"] = statement.PolicyName,
                // AWS's simulator names a policy passed as input "IAM Policy" (outside the model's PolicySourceType enum).
                ["SourcePolicyType"] = statement.PolicyType == PolicyType.Resource ? "resource" : "IAM Policy",
                ["StartPosition"] = Position(statement.Line, statement.Column + Shift(statement, statement.Line)),
            };
            if (input.PolicyTexts.TryGetValue(statement.PolicyName, out var text) && StatementSpan.End(text, statement.Line, statement.Column) is { } end)
            {
                json["EndPosition"] = Position(end.Line, end.Column + Shift(statement, end.Line));
            }
            array.Add(json);
        }
        return array;
    }

    /// <summary>
    /// AWS reads a lone statement object (<c>"Statement": {…}</c>) as a list of one, as if a <c>[</c> stood before its
    /// brace: positions on that line are one column further right. Statements in a list are where they are written.
    /// </summary>
    private static int Shift(StatementRef statement, int line) => statement.JsonPath == "Statement" && line == statement.Line ? 1 : 0;

    private static JsonObject Position(int line, int column) => new() { ["Line"] = line, ["Column"] = column };

    private static JsonObject BoundaryDetail(bool allowed) => new() { ["AllowedByPermissionsBoundary"] = allowed };

    /// <summary>Per policy type, for a cross-account request; empty within one account, as AWS writes it.</summary>
    private static ImmutableDictionary<string, Decision> Details(CustomPolicyInput input, AuthorizationRequest request, AuthorizationResult result)
    {
        if (!request.IsCrossAccount)
        {
            return ImmutableDictionary<string, Decision>.Empty;
        }
        var statements = result.Explanation.Statements;
        var callerDenies = statements.Any(static s => s.Status == StatementStatus.Matched && s.Effect == Effect.Deny
            && s.Statement.PolicyType is PolicyType.Identity or PolicyType.PermissionsBoundary or PolicyType.ServiceControl);
        var callerAllows = statements.Any(static s => s.Status == StatementStatus.Matched && s.Effect == Effect.Allow && s.Statement.PolicyType == PolicyType.Identity)
            && (input.Policies.PermissionsBoundary is null || AllowedByBoundary(result.Explanation))
            && (input.Policies.ServiceControlPolicies.IsDefaultOrEmpty || AllowedByOrganizations(result.Explanation, input.Policies.ServiceControlPolicies.Length));
        var details = ImmutableDictionary<string, Decision>.Empty.Add(IdentitySide,
            callerDenies ? Decision.ExplicitDeny : callerAllows ? Decision.Allow : Decision.ImplicitDeny);
        if (input.Policies.ResourcePolicy is not null)
        {
            details = details.Add(ResourceSide, Side(statements, PolicyType.Resource));
        }
        return details;
    }

    private static JsonObject DecisionDetails(IEnumerable<ImmutableDictionary<string, Decision>> details)
    {
        var json = new JsonObject();
        foreach (var group in details.SelectMany(static d => d).GroupBy(static d => d.Key, StringComparer.Ordinal))
        {
            json[group.Key] = Name(group.Select(static d => d.Value).MaxBy(Restrictiveness));
        }
        return json;
    }

    private static Decision Side(ImmutableArray<StatementOutcome> statements, PolicyType type)
    {
        var matched = statements.Where(s => s.Status == StatementStatus.Matched && s.Statement.PolicyType == type).ToList();
        return matched.Any(static s => s.Effect == Effect.Deny) ? Decision.ExplicitDeny
            : matched.Count > 0 ? Decision.Allow : Decision.ImplicitDeny;
    }

    private static bool AllowedByBoundary(Explanation explanation) => Side(explanation.Statements, PolicyType.PermissionsBoundary) == Decision.Allow;

    /// <summary>Every SCP level allows the request and no SCP denies it.</summary>
    private static bool AllowedByOrganizations(Explanation explanation, int levels)
    {
        var scps = explanation.Statements.Where(static s => s.Status == StatementStatus.Matched && s.Statement.PolicyType == PolicyType.ServiceControl).ToList();
        return !scps.Any(static s => s.Effect == Effect.Deny)
            && Enumerable.Range(0, levels).All(level => scps.Any(s => s.Effect == Effect.Allow && s.Statement.Level == level));
    }

    /// <summary>The resource type's ARN format the resources are of, as AWS's EvalResourceName now reports; <c>*</c> when none fits.</summary>
    private static string ResourceTemplate(string action, ImmutableArray<string> resources)
    {
        if (!ActionCatalog.Default.TryGetAction(action, out var info) || info is null)
        {
            return "*";
        }
        var given = resources.Where(static r => r != "*").ToList();
        return info.ResourceTypes.FirstOrDefault(t => given.All(r => t.ResourceType.Matches(r)))?.ResourceType.ArnFormat ?? "*";
    }

    private static int Restrictiveness(Decision decision) => decision switch
    {
        Decision.ExplicitDeny => 2,
        Decision.ImplicitDeny => 1,
        _ => 0,
    };

    private static string Name(Decision decision) => decision switch
    {
        Decision.Allow => "allowed",
        Decision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };
}
