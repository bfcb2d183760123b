using System.CommandLine;
using Governance.Cli.Answers;
using Governance.Cli.Inputs;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov can-i ACTION RESOURCE --as PRINCIPAL --account FILE...</c> or <c>--org DIR</c>: prints <c>yes</c> or <c>no</c>
/// and exits 0 or 1, as <c>kubectl auth can-i</c> does; 2 for any error in the question itself.
/// <c>iamgov can-i --read s3://BUCKET/KEY --as PRINCIPAL --org DIR</c> (or <c>--write</c>) asks every call reading
/// (writing) the object makes, as <see cref="ObjectAccess"/> composes them, and prints each with its own answer.
/// </summary>
/// <remarks>
/// With <c>--org</c> the answer comes from an organisation snapshot (or one account's file): the SCPs, RCPs, resource
/// policy and resource account come from it, so the options that give them by hand are refused beside it.
/// </remarks>
internal static class CanICommand
{
    public static Command Create(CliContext context)
    {
        var action = new Argument<string?>("action") { Description = "the action, such as s3:GetObject", Arity = ArgumentArity.ZeroOrOne };
        var resource = new Argument<string?>("resource") { Description = "the resource ARN, or * for actions without one", Arity = ArgumentArity.ZeroOrOne };
        var read = new Option<string?>("--read") { Description = "s3://BUCKET/KEY: may the caller read this object (s3:GetObject, and kms:Decrypt under SSE-KMS)? needs --org" };
        var write = new Option<string?>("--write") { Description = "s3://BUCKET/KEY: may the caller write this object (s3:PutObject, and kms:GenerateDataKey under SSE-KMS)? needs --org" };
        var principal = new Option<string>("--as") { Description = "the caller: an ARN, role/NAME, user/NAME, or a name held by one principal", Required = true };
        var explain = new Option<bool>("--explain") { Description = "show the statements that decided, and what was missing" };
        var organization = new Option<string?>("--org")
        {
            Description = "an organisation snapshot folder, or one account's get-account-authorization-details file; SCPs, RCPs and resource policies come from it",
        };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print nothing: the exit code is the answer (0 yes, 1 no, 2 an error, told on standard error)" };
        var options = new QuestionOptions(context.StandardInput);
        var command = new Command("can-i", "may a principal perform an action on a resource? (yes/no, exit 0/1)")
        {
            action, resource, principal, explain, organization, read, write, quiet,
        };
        options.AddTo(command);
        options.AddAccessPointTo(command);
        options.AddVpcEndpointTo(command);
        command.SetAction(parse => parse.GetValue(quiet)
            ? Answer(parse, TextWriter.Null)
            : OutputDestination.Run(parse, options.OutputFile, stdout => Answer(parse, stdout)));
        return command;

        int Answer(ParseResult parse, TextWriter stdout)
        {
            var (act, res, org) = (parse.GetValue(action), parse.GetValue(resource), parse.GetValue(organization));
            var (readUri, writeUri) = (parse.GetValue(read), parse.GetValue(write));
            if (readUri is not null || writeUri is not null)
            {
                return RunObject(readUri, writeUri, act is not null || res is not null, parse.GetValue(principal)!, parse.GetValue(explain), org, options, parse, stdout);
            }
            if (act is null || res is null)
            {
                parse.InvocationConfiguration.Error.WriteLine("iamgov: can-i needs ACTION RESOURCE, or --read/--write s3://BUCKET/KEY with --org");
                return CliApp.UsageError;
            }
            return org is not null
                ? RunOrganization(act, res, parse.GetValue(principal)!, parse.GetValue(explain), org, options, parse, stdout)
                : Run(act, res, parse.GetValue(principal)!, parse.GetValue(explain), options, parse, stdout);
        }
    }

    private static int RunObject(string? readUri, string? writeUri, bool positional, string principalName, bool explain, string? path,
        QuestionOptions options, ParseResult parse, TextWriter stdout)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var errors = options.SnapshotInputs.Where(o => parse.GetResult(o) is not null)
            .Select(static o => $"`{o.Name}` and `--org` exclude each other: the organisation snapshot gives the accounts, SCPs, RCPs and resource policies")
            .ToList();
        if (readUri is not null && writeUri is not null)
        {
            errors.Add("`--read` and `--write` exclude each other: ask one question at a time");
        }
        if (positional)
        {
            errors.Add("`--read`/`--write` and ACTION RESOURCE exclude each other: the calls come from the object's bucket");
        }
        if (path is null)
        {
            errors.Add("`--read`/`--write` need `--org`: the bucket's encryption and the key policy come from the organisation snapshot");
        }
        if (parse.GetResult(options.VpcEndpoint) is not null)
        {
            // S3 and KMS are reached through endpoints of their own, each with its own policy: one file cannot stand for both.
            errors.Add("`--vpce` and `--read`/`--write` exclude each other: the calls go to S3 and KMS through different endpoints; ask each call with ACTION RESOURCE and its endpoint's policy");
        }
        var (context, contextErrors) = ContextArguments.Parse(parse.GetValue(options.Context) ?? []);
        errors.AddRange(contextErrors.Select(static e => $"--context {e}"));
        var question = ObjectAccessQuestion.Parse(readUri is not null ? ObjectAccessKind.Read : ObjectAccessKind.Write, readUri ?? writeUri!, context, out var uriError);
        if (uriError is not null)
        {
            errors.Add(uriError);
        }
        if (OrganizationInputs.Read(path!, options.StandardInput, principalName, errors, stderr) is not { } org || question is null)
        {
            return CliApp.UsageError;
        }
        var caller = org.Caller;
        if (org.Authorizer.CheckQuestion(caller, new AccessQuestion("s3:GetObject", question.ObjectArn, context)) is { } unanswerable)
        {
            stderr.WriteLine($"iamgov: {unanswerable}");
            return CliApp.UsageError;
        }
        var answer = ObjectAccess.Answer(org.Authorizer, caller, question);
        var unresolved = org.Warnings.ToList();
        if (parse.GetValue(options.Output) == "json")
        {
            stdout.WriteLine(JsonText.Render(writer => ObjectAccessJson.Write(writer, caller.Arn, answer, unresolved)));
        }
        else
        {
            ObjectAccessText.Write(stdout, answer, explain, unresolved);
        }
        return answer.Decision == Decision.Allow ? 0 : 1;
    }

    private static int Run(string action, string resource, string principalName, bool explain, QuestionOptions options, ParseResult parse, TextWriter stdout)
    {
        var stderr = parse.InvocationConfiguration.Error;
        if ((RequestChecks.CheckAction(action) ?? RequestChecks.CheckResource(resource)) is { } inputError)
        {
            stderr.WriteLine($"iamgov: {inputError}");
            return CliApp.UsageError;
        }
        if (options.Read(parse, stderr) is not { } inputs)
        {
            return CliApp.UsageError;
        }
        if (inputs.Guardrails.AccessPoint is not null && !AccessPoint.IsAccessPointArn(resource))
        {
            // Otherwise the access point options would be silently ignored: the layer applies only through an access point.
            stderr.WriteLine($"iamgov: --access-point-bucket needs RESOURCE to be an access point ARN, arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME[/object/KEY]; `{resource}` is not");
            return CliApp.UsageError;
        }
        if (inputs.FindPrincipal(principalName, stderr) is not { } caller)
        {
            return CliApp.UsageError;
        }
        var question = inputs.Ask(action, resource);
        var result = inputs.Authorizer.Authorize(caller, question);
        var warnings = inputs.WarningsFor(caller.Arn);
        if (inputs.Json)
        {
            stdout.WriteLine(JsonText.Render(writer => DecisionJson.Write(writer, caller.Arn, question.Action, question.Resource, result, warnings)));
        }
        else
        {
            DecisionText.Write(stdout, result, explain, warnings);
        }
        return result.Decision == Decision.Allow ? 0 : 1;
    }

    private static int RunOrganization(string action, string resource, string principalName, bool explain, string path, QuestionOptions options,
        ParseResult parse, TextWriter stdout)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var errors = options.SnapshotInputs.Where(o => parse.GetResult(o) is not null)
            .Select(static o => $"`{o.Name}` and `--org` exclude each other: the organisation snapshot gives the accounts, SCPs, RCPs and resource policies")
            .ToList();
        if ((RequestChecks.CheckAction(action) ?? RequestChecks.CheckResource(resource)) is { } inputError)
        {
            errors.Add(inputError);
        }
        var (context, contextErrors) = ContextArguments.Parse(parse.GetValue(options.Context) ?? []);
        errors.AddRange(contextErrors.Select(static e => $"--context {e}"));
        var endpointErrors = new List<InputError>();
        var guardrails = options.WithVpcEndpoint(parse, Guardrails.None, endpointErrors);
        errors.AddRange(endpointErrors.Select(static e => e.Message));
        if (OrganizationInputs.Read(path, options.StandardInput, principalName, errors, stderr) is not { } org)
        {
            return CliApp.UsageError;
        }
        var caller = org.Caller;
        // The snapshot supplies every other guardrail; the endpoint policy is the request's own, and is kept.
        var question = new AccessQuestion(action, resource, context) { Guardrails = guardrails };
        if (org.Authorizer.CheckQuestion(caller, question) is { } unanswerable)
        {
            stderr.WriteLine($"iamgov: {unanswerable}");
            return CliApp.UsageError;
        }
        var answer = org.Authorizer.Authorize(caller, question);
        string[] warnings = [.. answer.Notes, .. org.Warnings];
        if (parse.GetValue(options.Output) == "json")
        {
            stdout.WriteLine(JsonText.Render(writer => DecisionJson.Write(writer, caller.Arn, action, resource, answer, warnings)));
        }
        else
        {
            DecisionText.Write(stdout, answer.Result, explain, warnings, answer.Summary, caveat: !answer.CallerPoliciesKnown);
        }
        return answer.Result.Decision == Decision.Allow ? 0 : 1;
    }
}
