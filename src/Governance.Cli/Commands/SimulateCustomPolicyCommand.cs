using System.CommandLine;
using System.Text.Json;
using Governance.Cli.Simulation;
using PolicyEngine.Evaluation;
using PolicyEngine.Syntax;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov simulate-custom-policy --cli-input-json file://request.json</c>: AWS's <c>SimulateCustomPolicy</c>, offline.
/// </summary>
/// <remarks>
/// Reads the same JSON as <c>aws iam simulate-custom-policy --cli-input-json</c> and prints the response in AWS's shape
/// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html), one result per action and resource.
/// </remarks>
internal static class SimulateCustomPolicyCommand
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static Command Create(CliContext context)
    {
        var input = new Option<string>("--cli-input-json")
        {
            Description = "the request: `file://path`, a path, or the JSON itself",
            Required = true,
        };
        var command = new Command("simulate-custom-policy", "simulate policies as `aws iam simulate-custom-policy` does, offline") { input };
        command.SetAction(parse => Run(parse.GetValue(input)!, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string argument, TextWriter stdout, TextWriter stderr)
    {
        var path = argument.StartsWith("file://", StringComparison.Ordinal) ? argument["file://".Length..] : argument;
        string json;
        if (argument.TrimStart().StartsWith('{'))
        {
            json = argument;
        }
        else if (File.Exists(path))
        {
            if (!JsonTextCheck.TryDecode(File.ReadAllBytes(path), out var text, out var problem))
            {
                stderr.WriteLine($"iamgov: {path}: {problem}");
                return CliApp.UsageError;
            }
            json = text;
        }
        else
        {
            stderr.WriteLine($"iamgov: no such file `{path}`");
            return CliApp.UsageError;
        }
        var (input, error) = CustomPolicyInput.Parse(json);
        if (input is null)
        {
            stderr.WriteLine($"iamgov: {error}");
            return CliApp.UsageError;
        }
        var compiled = PolicyCompiler.Compile(input.Policies);
        if (!compiled.Errors.IsEmpty)
        {
            foreach (var policyError in compiled.Errors)
            {
                stderr.WriteLine($"iamgov: `{policyError.PolicyName}` {policyError.Diagnostic.Location}: {policyError.Diagnostic.Message}");
            }
            return 1;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("EvaluationResults");
            foreach (var action in input.Actions)
            {
                foreach (var resource in input.Resources)
                {
                    var request = AuthorizationRequest.Create(input.Caller, action, resource, input.ResourceAccount, input.Context);
                    WriteResult(writer, action, resource, compiled.Evaluate(request));
                }
            }
            writer.WriteEndArray();
            writer.WriteBoolean("IsTruncated", false);
            writer.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return 0;
    }

    private static void WriteResult(Utf8JsonWriter writer, string action, string resource, AuthorizationResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("EvalActionName", action);
        writer.WriteString("EvalResourceName", resource);
        writer.WriteString("EvalDecision", result.Decision switch
        {
            Decision.Allow => "allowed",
            Decision.ExplicitDeny => "explicitDeny",
            _ => "implicitDeny",
        });
        writer.WriteStartArray("MatchedStatements");
        foreach (var statement in result.DecidingStatements)
        {
            writer.WriteStartObject();
            writer.WriteString("SourcePolicyId", statement.PolicyName);
            writer.WriteString("SourcePolicyType", statement.PolicyType == PolicyType.Resource ? "resource" : "IAM Policy");
            writer.WriteStartObject("StartPosition");
            writer.WriteNumber("Line", statement.Line);
            writer.WriteNumber("Column", statement.Column);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("MissingContextValues");
        foreach (var key in result.Explanation.MissingContextKeys)
        {
            writer.WriteStringValue(key);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
