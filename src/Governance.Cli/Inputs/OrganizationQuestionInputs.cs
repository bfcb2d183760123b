using System.Collections.Immutable;
using System.CommandLine;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Evaluation;

namespace Governance.Cli.Inputs;

/// <summary>
/// What <c>who-can</c> and <c>what-can</c> ask their question of: an organisation snapshot (<c>--org</c>), or IAM
/// exports (<c>--account FILE...</c>) taken as an organisation of those accounts with the guardrails given by hand, so
/// that both take one path.
/// </summary>
/// <param name="Authorizer">The organisation's authorizer.</param>
/// <param name="Context">The request's condition keys (<c>--context</c>).</param>
/// <param name="Json">True for <c>--output json</c>.</param>
internal sealed record OrganizationQuestionInputs(OrganizationAuthorizer Authorizer, RequestContext Context, bool Json)
{
    /// <summary>The <c>--org</c> option both commands add.</summary>
    public static Option<string?> CreateOrganizationOption() => new("--org")
    {
        Description = "an organisation snapshot folder, or one account's get-account-authorization-details file; SCPs, RCPs and resource policies come from it",
    };

    /// <summary>Managed policies that principals reference but no snapshot holds, for <paramref name="principalArn"/> or (null) everyone.</summary>
    public ImmutableArray<string> WarningsFor(string? principalArn) => Authorizer.Accounts.State.WarningsFor(principalArn);

    /// <summary>Reads <c>--org</c>, or the <c>--account</c> files and hand-given guardrails; null after writing every error to <paramref name="stderr"/>.</summary>
    public static OrganizationQuestionInputs? Read(ParseResult parse, QuestionOptions options, Option<string?> organization, TextWriter stderr)
    {
        var json = parse.GetValue(options.Output) == "json";
        if (parse.GetValue(organization) is not { } path)
        {
            if (parse.GetValue(options.Accounts) is null or { Length: 0 })
            {
                stderr.WriteLine("iamgov: no snapshot given; pass --org DIR (an organisation snapshot folder or one account's file) or --account FILE...");
                return null;
            }
            if (options.Read(parse, stderr) is not { } inputs)
            {
                return null;
            }
            var snapshot = OrganizationSnapshot.OfAccounts(inputs.Authorizer.State.Snapshots);
            return new OrganizationQuestionInputs(new OrganizationAuthorizer(snapshot, inputs.Guardrails), inputs.Context, json);
        }
        var errors = options.SnapshotInputs.Where(o => parse.GetResult(o) is not null)
            .Select(static o => $"`{o.Name}` and `--org` exclude each other: the organisation snapshot gives the accounts, SCPs, RCPs and resource policies")
            .ToList();
        var (context, contextErrors) = ContextArguments.Parse(parse.GetValue(options.Context) ?? []);
        errors.AddRange(contextErrors.Select(static e => $"--context {e}"));
        var read = errors.Count == 0 ? OrganizationSnapshotSource.Read(path, options.StandardInput) : null;
        errors.AddRange(read?.Errors.Take(10).Select(static e => e.ToString()) ?? []);
        if (errors.Count > 0 || read?.Snapshot is not { } organizationSnapshot)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {MessageText.OneLine(error)}");
            }
            return null;
        }
        return new OrganizationQuestionInputs(new OrganizationAuthorizer(organizationSnapshot), context, json);
    }

    /// <summary>The principal <paramref name="name"/> names among those the snapshot holds, or null after writing why not.</summary>
    public ResolvedPrincipal? FindPrincipal(string name, TextWriter stderr)
    {
        var lookup = Authorizer.Find(name);
        if (lookup.Principal is null)
        {
            stderr.WriteLine($"iamgov: {lookup.Error}");
        }
        return lookup.Principal;
    }
}
