using System.Collections.Immutable;
using System.CommandLine;
using Governance.Core.Accounts.Questions;

namespace Governance.Cli.Inputs;

/// <summary>The options every access question shares: the accounts, the guardrails, the request context, the output form.</summary>
/// <param name="standardInput">What a file named <c>-</c> reads.</param>
internal sealed class QuestionOptions(Stream standardInput)
{
    public Option<string[]> Accounts { get; } = InputFileOption.Repeated("--account",
        "an account snapshot (`aws iam get-account-authorization-details` output); repeat for several accounts");

    public Option<string?> ResourcePolicy { get; } = InputFileOption.Single("--resource-policy",
        "the resource's policy (bucket, key, queue policy); a role's trust policy is taken from the account");

    /// <summary>Given to can-i only (see <see cref="AddVpcEndpointTo"/>); read wherever can-i builds its question.</summary>
    public Option<string?> VpcEndpoint { get; } = InputFileOption.Single("--vpce",
        "the policy of the VPC endpoint the request goes through; it must allow the request too (without it: no endpoint, or its default full-access policy)");

    public Option<string?> ResourceAccount { get; } = new("--resource-account")
    {
        Description = "the account that owns the resource, for ARNs that do not name it (S3); another account makes the question cross-account",
    };

    public Option<string[]> ServiceControlPolicies { get; } = InputFileOption.Repeated("--scp",
        "an SCP level, root first: a policy file, or a JSON array of the policies at that level; repeat per level");

    public Option<string[]> ResourceControlPolicies { get; } = InputFileOption.Repeated("--rcp",
        "an RCP level, root first, as for --scp (RCPFullAWSAccess is implied at every level)");

    public Option<string?> AccessPointPolicy { get; } = InputFileOption.Single("--access-point-policy",
        "the policy of the S3 access point RESOURCE names (an access point ARN); needs --access-point-bucket");

    public Option<string?> AccessPointBucket { get; } = new("--access-point-bucket")
    {
        Description = "the bucket under the S3 access point RESOURCE names; --resource-policy is then that bucket's policy",
    };

    public Option<string[]> Context { get; } = new("--context")
    {
        Description = "a condition key of the request, KEY=VALUE; repeat the key, or write KEY=[a,b], for several values",
    };

    public Option<string> Output { get; } = Commands.OutputOption.Create("text (for people) or json (stable, for scripts)", "text", "json");

    public Option<FileInfo?> OutputFile { get; } = Commands.OutputFileOption.Create();

    /// <summary>What a file named <c>-</c> reads.</summary>
    public Stream StandardInput { get; } = standardInput;

    /// <summary>The options that give inputs an organisation snapshot supplies itself, by name, for <c>--org</c> to refuse.</summary>
    public IEnumerable<Option> SnapshotInputs => _withAccessPoint
        ? [Accounts, ResourcePolicy, ResourceAccount, ServiceControlPolicies, ResourceControlPolicies, AccessPointPolicy, AccessPointBucket]
        : [Accounts, ResourcePolicy, ResourceAccount, ServiceControlPolicies, ResourceControlPolicies];

    private bool _withAccessPoint;

    /// <summary>Adds the S3 access point options (for questions about one resource, such as <c>can-i</c>).</summary>
    public void AddAccessPointTo(Command command)
    {
        command.Options.Add(AccessPointPolicy);
        command.Options.Add(AccessPointBucket);
        _withAccessPoint = true;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Accounts);
        command.Options.Add(ResourcePolicy);
        command.Options.Add(ResourceAccount);
        command.Options.Add(ServiceControlPolicies);
        command.Options.Add(ResourceControlPolicies);
        command.Options.Add(Context);
        command.Options.Add(Output);
        command.Options.Add(OutputFile);
    }

    /// <summary>Adds <c>--vpce</c>: can-i asks about one request, which may go through an endpoint; who-can and what-can do not take it.</summary>
    public void AddVpcEndpointTo(Command command) => command.Options.Add(VpcEndpoint);

    /// <summary>
    /// <paramref name="guardrails"/> with the endpoint policy <c>--vpce</c> names, when the command has the option and it
    /// is given; its problems are added to <paramref name="errors"/>. The one reader of <c>--vpce</c>, for every form of can-i.
    /// </summary>
    public Guardrails WithVpcEndpoint(ParseResult parse, Guardrails guardrails, List<InputError> errors)
    {
        if (parse.GetResult(VpcEndpoint) is null || parse.GetValue(VpcEndpoint) is not { } path)
        {
            return guardrails;
        }
        var (policy, policyErrors) = PolicyFiles.ReadEndpointPolicy(path, StandardInput);
        errors.AddRange(policyErrors);
        return guardrails with { VpcEndpointPolicy = policy };
    }

    /// <summary>Reads every input the options name; all problems are reported together.</summary>
    public QuestionInputs? Read(ParseResult parse, TextWriter stderr)
    {
        var errors = new List<InputError>();
        var (state, accountErrors) = AccountFiles.Load(parse.GetValue(Accounts) ?? [], StandardInput);
        errors.AddRange(accountErrors);
        var guardrails = Guardrails.None;
        if (parse.GetValue(ResourcePolicy) is { } resourceFile)
        {
            var (policy, policyErrors) = PolicyFiles.ReadOne(resourceFile, StandardInput);
            errors.AddRange(policyErrors);
            guardrails = guardrails with { ResourcePolicy = policy };
        }
        guardrails = WithVpcEndpoint(parse, guardrails, errors) with
        {
            ServiceControlPolicies = ReadLevels(parse.GetValue(ServiceControlPolicies), errors),
            ResourceControlPolicies = ReadLevels(parse.GetValue(ResourceControlPolicies), errors),
            ResourceAccount = parse.GetValue(ResourceAccount),
        };
        if (guardrails.ResourceAccount is { } account && (account.Length != 12 || !account.All(char.IsAsciiDigit)))
        {
            errors.Add(new InputError($"--resource-account `{account}` is not an AWS account id (12 digits)"));
        }
        if (_withAccessPoint)
        {
            guardrails = guardrails with { AccessPoint = ReadAccessPoint(parse, errors) };
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

    /// <summary>The access point the options describe; null without <c>--access-point-bucket</c>.</summary>
    private PolicyEngine.Evaluation.AccessPoint? ReadAccessPoint(ParseResult parse, List<InputError> errors)
    {
        var (policyFile, bucket) = (parse.GetValue(AccessPointPolicy), parse.GetValue(AccessPointBucket));
        if (bucket is null)
        {
            if (policyFile is not null)
            {
                errors.Add(new InputError("--access-point-policy needs --access-point-bucket: the bucket policy is matched against the bucket's ARN"));
            }
            return null;
        }
        if (bucket.Length == 0 || bucket.Contains('/', StringComparison.Ordinal) || bucket.Contains(':', StringComparison.Ordinal))
        {
            errors.Add(new InputError($"--access-point-bucket `{bucket}` is not a bucket name"));
            return null;
        }
        PolicyEngine.Evaluation.NamedPolicy? policy = null;
        if (policyFile is not null)
        {
            var (read, policyErrors) = PolicyFiles.ReadOne(policyFile, StandardInput);
            errors.AddRange(policyErrors);
            policy = read;
        }
        return new PolicyEngine.Evaluation.AccessPoint(bucket) { Policy = policy };
    }

    private ImmutableArray<ImmutableArray<PolicyEngine.Evaluation.NamedPolicy>> ReadLevels(string[]? paths, List<InputError> errors)
    {
        var levels = ImmutableArray.CreateBuilder<ImmutableArray<PolicyEngine.Evaluation.NamedPolicy>>();
        foreach (var path in paths ?? [])
        {
            var (level, levelErrors) = PolicyFiles.ReadLevel(path, StandardInput);
            errors.AddRange(levelErrors);
            levels.Add(level);
        }
        return levels.DrainToImmutable();
    }
}
