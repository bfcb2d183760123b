using System.CommandLine;
using System.Text.Json;
using Governance.Cli.Simulation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov simulate-custom-policy</c>: AWS's <c>SimulateCustomPolicy</c>, offline, with the input and output of
/// <c>aws iam simulate-custom-policy</c>.
/// </summary>
/// <remarks>
/// The same options (https://docs.aws.amazon.com/cli/latest/reference/iam/simulate-custom-policy.html), <c>file://</c>
/// values and the shorthand syntax; the response in botocore's IAM model's shape. A request AWS or the AWS CLI refuses
/// is refused in their words (<c>Parameter validation failed: …</c>, <c>An error occurred (MalformedPolicyDocument) …</c>);
/// the exit code is iamgov's: 2 for input it cannot run on, where the AWS CLI uses 252 and 254, so that 1 keeps
/// meaning "no" across iamgov. Without MaxItems or Marker in the request the output is the AWS CLI's, which pages
/// through every result and prints EvaluationResults alone; with them it is the API's page (IsTruncated, Marker).
/// </remarks>
internal static class SimulateCustomPolicyCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliContext context)
    {
        var inputJson = new Option<string>("--cli-input-json") { HelpName = "JSON", Description = "the request as JSON: the text itself, `file://PATH`, or `-` for standard input" };
        var inputYaml = new Option<string>("--cli-input-yaml") { HelpName = "YAML", Description = "the request as YAML: the text itself, `file://PATH`, or `-` for standard input" };
        var policies = Many("--policy-input-list", "POLICY", "identity policies: JSON text or `file://PATH`, one value each");
        var boundaries = Many("--permissions-boundary-policy-input-list", "POLICY", "the permissions boundary: JSON text or `file://PATH`");
        var actions = Many("--action-names", "ACTION", "the actions to simulate, such as s3:GetObject");
        var resources = Many("--resource-arns", "ARN", "the resource ARNs (default `*`)");
        var resourcePolicy = new Option<string>("--resource-policy") { HelpName = "POLICY", Description = "the resource's policy: JSON text or `file://PATH`" };
        var owner = new Option<string>("--resource-owner") { HelpName = "ARN", Description = "the resources' owner: arn:aws:iam::ACCOUNT:root" };
        var caller = new Option<string>("--caller-arn") { HelpName = "ARN", Description = "the simulated caller: an IAM user, group or role ARN" };
        var contextEntries = Many("--context-entries", "ENTRY", "context keys: JSON, or the shorthand ContextKeyName=KEY,ContextKeyValues=V1,V2,ContextKeyType=TYPE");
        var handling = new Option<string>("--resource-handling-option") { HelpName = "SCENARIO", Description = "the EC2 scenario, such as EC2-VPC-InstanceStore" };
        var maxItems = new Option<int?>("--max-items") { HelpName = "N", Description = "print at most this many results and a NextToken to continue from, as the AWS CLI" };
        var startingToken = new Option<string>("--starting-token") { HelpName = "TOKEN", Description = "continue from the NextToken of an earlier --max-items run" };
        var output = OutputOption.Create("the output format, as the AWS CLI's --output", "json", "text");
        var outputFile = OutputFileOption.Create();
        var command = new Command("simulate-custom-policy", "simulate policies as `aws iam simulate-custom-policy` does, offline")
        {
            inputJson, inputYaml, policies, boundaries, actions, resources, resourcePolicy, owner, caller, contextEntries, handling, maxItems, startingToken, output, outputFile,
        };
        command.SetAction(parse =>
        {
            string?[] values = [parse.GetValue(inputJson), parse.GetValue(inputYaml), parse.GetValue(resourcePolicy), parse.GetValue(owner),
                parse.GetValue(caller), parse.GetValue(handling), .. parse.GetValue(policies) ?? [], .. parse.GetValue(boundaries) ?? [],
                .. parse.GetValue(actions) ?? [], .. parse.GetValue(resources) ?? [], .. parse.GetValue(contextEntries) ?? []];
            if (values.Count(static v => v is not null && ParameterValue.IsStandardInput(v)) > 1)
            {
                parse.InvocationConfiguration.Error.WriteLine("iamgov: `-`: standard input can be read once; give the other values as files (`file://PATH`)");
                return CliApp.UsageError;
            }
            if (parse.GetValue(inputJson) is not null && parse.GetValue(inputYaml) is not null)
            {
                parse.InvocationConfiguration.Error.WriteLine("iamgov: --cli-input-yaml: give the request as JSON or as YAML, not both (as the AWS CLI)");
                return CliApp.UsageError;
            }
            var assembly = new RequestAssembly(context.StandardInput);
            if (parse.GetValue(inputJson) is { } json)
            {
                assembly.AddJson(json, "--cli-input-json");
            }
            if (parse.GetValue(inputYaml) is { } yaml)
            {
                assembly.AddYaml(yaml, "--cli-input-yaml");
            }
            assembly.SetStrings("PolicyInputList", parse.GetValue(policies), "--policy-input-list");
            assembly.SetStrings("PermissionsBoundaryPolicyInputList", parse.GetValue(boundaries), "--permissions-boundary-policy-input-list");
            assembly.SetStrings("ActionNames", parse.GetValue(actions), "--action-names");
            assembly.SetStrings("ResourceArns", parse.GetValue(resources), "--resource-arns");
            assembly.SetString("ResourcePolicy", parse.GetValue(resourcePolicy), "--resource-policy");
            assembly.SetString("ResourceOwner", parse.GetValue(owner), "--resource-owner");
            assembly.SetString("CallerArn", parse.GetValue(caller), "--caller-arn");
            assembly.SetContextEntries(parse.GetValue(contextEntries), "--context-entries");
            assembly.SetString("ResourceHandlingOption", parse.GetValue(handling), "--resource-handling-option");
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var paging = new CliPaging(parse.GetValue(maxItems), parse.GetValue(startingToken));
            return Run(assembly, paging, parse.GetValue(output)!, parse.GetValue(outputFile), stdout, stderr);
        });
        return command;
    }

    private static Option<string[]> Many(string name, string helpName, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private static int Run(RequestAssembly assembly, CliPaging paging, string format, FileInfo? outputFile, TextWriter stdout, TextWriter stderr)
    {
        if (paging.MaxItems is < 1)
        {
            return Refuse([$"--max-items: `{paging.MaxItems}` is not a number of results; give 1 or more"], stderr);
        }
        if (assembly.Errors.Count > 0)
        {
            return Refuse(assembly.Errors, stderr);
        }
        var problems = RequestShape.Request.Validate(assembly.Request);
        if (problems.Count > 0)
        {
            return Refuse(AwsCliError.ParameterValidation(problems).Lines, stderr);
        }
        var request = SimulationRequest.From(assembly.Request);
        var apiPage = request.MaxItems is not null || request.Marker is not null;
        if (paging.MaxItems is not null || paging.StartingToken is not null)
        {
            // The AWS CLI's own paging: it asks the API for pages and stops after --max-items results.
            request = request with { MaxItems = paging.MaxItems, Marker = paging.StartingToken };
        }
        var (input, error) = CustomPolicyInput.From(request);
        if (input is null)
        {
            return Refuse(error!.Lines, stderr);
        }
        var response = CustomPolicySimulator.Simulate(input);
        if (!apiPage || paging.MaxItems is not null || paging.StartingToken is not null)
        {
            // The AWS CLI pages through the results itself and prints them alone, with a NextToken where --max-items stopped.
            response.Remove("IsTruncated");
            if (response["Marker"] is { } marker)
            {
                response.Remove("Marker");
                response["NextToken"] = marker;
            }
        }
        var text = format == "text" ? AwsTextOutput.Format(response) : response.ToJsonString(Indented) + Environment.NewLine;
        if (outputFile is not null)
        {
            File.WriteAllText(outputFile.FullName, text);
        }
        else
        {
            stdout.Write(text);
        }
        return 0;
    }

    private static int Refuse(IEnumerable<string> lines, TextWriter stderr)
    {
        foreach (var line in lines)
        {
            // One line each, whatever the message holds.
            stderr.WriteLine($"iamgov: {line.ReplaceLineEndings(" ")}");
        }
        return CliApp.UsageError;
    }
}
