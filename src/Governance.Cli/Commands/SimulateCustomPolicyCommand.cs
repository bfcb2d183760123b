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
        var inputJson = new Option<string>("--cli-input-json") { Description = "the request as JSON: the text itself, `file://PATH`, or `-` for standard input" };
        var inputYaml = new Option<string>("--cli-input-yaml") { Description = "the request as YAML: the text itself, `file://PATH`, or `-` for standard input" };
        var policies = Many("--policy-input-list", "identity policies: JSON text or `file://PATH`, one value each");
        var boundaries = Many("--permissions-boundary-policy-input-list", "the permissions boundary: JSON text or `file://PATH`");
        var actions = Many("--action-names", "the actions to simulate, such as s3:GetObject");
        var resources = Many("--resource-arns", "the resource ARNs (default `*`)");
        var resourcePolicy = new Option<string>("--resource-policy") { Description = "the resource's policy: JSON text or `file://PATH`" };
        var owner = new Option<string>("--resource-owner") { Description = "the resources' owner: arn:aws:iam::ACCOUNT:root" };
        var caller = new Option<string>("--caller-arn") { Description = "the simulated caller: an IAM user, group or role ARN" };
        var contextEntries = Many("--context-entries", "context keys: JSON, or the shorthand ContextKeyName=KEY,ContextKeyValues=V1,V2,ContextKeyType=TYPE");
        var handling = new Option<string>("--resource-handling-option") { Description = "the EC2 scenario, such as EC2-VPC-InstanceStore" };
        var output = OutputOption.Create("the output format, as the AWS CLI's --output", "json", "text");
        var outputFile = OutputFileOption.Create();
        var command = new Command("simulate-custom-policy", "simulate policies as `aws iam simulate-custom-policy` does, offline")
        {
            inputJson, inputYaml, policies, boundaries, actions, resources, resourcePolicy, owner, caller, contextEntries, handling, output, outputFile,
        };
        command.SetAction(parse =>
        {
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
            return Run(assembly, parse.GetValue(output)!, parse.GetValue(outputFile), stdout, stderr);
        });
        return command;
    }

    private static Option<string[]> Many(string name, string description) => new(name)
    {
        Description = description,
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.OneOrMore,
    };

    private static int Run(RequestAssembly assembly, string format, FileInfo? outputFile, TextWriter stdout, TextWriter stderr)
    {
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
        var (input, error) = CustomPolicyInput.From(request);
        if (input is null)
        {
            return Refuse(error!.Lines, stderr);
        }
        var response = CustomPolicySimulator.Simulate(input);
        if (request.MaxItems is null && request.Marker is null)
        {
            // The AWS CLI pages through every result itself and prints the results alone.
            response.Remove("IsTruncated");
            response.Remove("Marker");
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
