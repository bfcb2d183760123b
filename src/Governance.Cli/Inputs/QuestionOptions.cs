using System.Collections.Immutable;
using System.CommandLine;
using Governance.Core.Accounts.Questions;

namespace Governance.Cli.Inputs;

/// <summary>The options every access question shares: the accounts, the guardrails, the request context, the output form.</summary>
internal sealed class QuestionOptions
{
    public Option<FileInfo[]> Accounts { get; } = new("--account")
    {
        Description = "an account snapshot (`aws iam get-account-authorization-details` output); repeat for several accounts",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<FileInfo?> ResourcePolicy { get; } = new("--resource-policy")
    {
        Description = "the resource's policy (bucket, key, queue policy); a role's trust policy is taken from the account",
    };

    public Option<string?> ResourceAccount { get; } = new("--resource-account")
    {
        Description = "the account that owns the resource, for ARNs that do not name it (S3); another account makes the question cross-account",
    };

    public Option<FileInfo[]> ServiceControlPolicies { get; } = new("--scp")
    {
        Description = "an SCP level, root first: a policy file, or a JSON array of the policies at that level; repeat per level",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<FileInfo[]> ResourceControlPolicies { get; } = new("--rcp")
    {
        Description = "an RCP level, root first, as for --scp (RCPFullAWSAccess is implied at every level)",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string[]> Context { get; } = new("--context")
    {
        Description = "a condition key of the request, KEY=VALUE; repeat the key, or write KEY=[a,b], for several values",
    };

    public Option<string> Output { get; } = CreateOutput();

    /// <summary>The options that give inputs an organisation snapshot supplies itself, by name, for <c>--org</c> to refuse.</summary>
    public IEnumerable<Option> SnapshotInputs => [Accounts, ResourcePolicy, ResourceAccount, ServiceControlPolicies, ResourceControlPolicies];

    public void AddTo(Command command)
    {
        command.Options.Add(Accounts);
        command.Options.Add(ResourcePolicy);
        command.Options.Add(ResourceAccount);
        command.Options.Add(ServiceControlPolicies);
        command.Options.Add(ResourceControlPolicies);
        command.Options.Add(Context);
        command.Options.Add(Output);
    }

    /// <summary>Reads every input the options name; all problems are reported together.</summary>
    public QuestionInputs? Read(ParseResult parse, TextWriter stderr)
    {
        var errors = new List<InputError>();
        var (state, accountErrors) = AccountFiles.Load(parse.GetValue(Accounts) ?? []);
        errors.AddRange(accountErrors);
        var guardrails = Guardrails.None;
        if (parse.GetValue(ResourcePolicy) is { } resourceFile)
        {
            var (policy, policyErrors) = PolicyFiles.ReadOne(resourceFile);
            errors.AddRange(policyErrors);
            guardrails = guardrails with { ResourcePolicy = policy };
        }
        guardrails = guardrails with
        {
            ServiceControlPolicies = ReadLevels(parse.GetValue(ServiceControlPolicies), errors),
            ResourceControlPolicies = ReadLevels(parse.GetValue(ResourceControlPolicies), errors),
            ResourceAccount = parse.GetValue(ResourceAccount),
        };
        if (guardrails.ResourceAccount is { } account && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
        {
            errors.Add(new InputError($"--resource-account `{account}` is not an AWS account id (12 digits)"));
        }
        var (context, contextErrors) = ContextArguments.Parse(parse.GetValue(Context) ?? []);
        errors.AddRange(contextErrors.Select(static e => new InputError($"--context {e}")));
        if (errors.Count > 0 || state is null)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {error}");
            }
            return null;
        }
        return new QuestionInputs(new AccountAuthorizer(state), guardrails, context, parse.GetValue(Output) == "json");
    }

    private static ImmutableArray<ImmutableArray<PolicyEngine.Evaluation.NamedPolicy>> ReadLevels(FileInfo[]? files, List<InputError> errors)
    {
        var levels = ImmutableArray.CreateBuilder<ImmutableArray<PolicyEngine.Evaluation.NamedPolicy>>();
        foreach (var file in files ?? [])
        {
            var (level, levelErrors) = PolicyFiles.ReadLevel(file);
            errors.AddRange(levelErrors);
            levels.Add(level);
        }
        return levels.DrainToImmutable();
    }

    private static Option<string> CreateOutput()
    {
        var output = new Option<string>("--output", "-o") { Description = "text (for people) or json (stable, for scripts)", DefaultValueFactory = _ => "text" };
        output.AcceptOnlyFromAmong("text", "json");
        return output;
    }
}
