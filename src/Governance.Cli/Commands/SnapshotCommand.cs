using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Crawl;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Snapshot;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov snapshot [--region R] [--profile P] [-o json] [--output-file FILE]</c>: reads the account from IAM
/// (<c>GetAccountAuthorizationDetails</c>, every page) and writes it in the JSON of
/// <c>aws iam get-account-authorization-details</c>, so that every <c>--account FILE</c> command reads it.
/// Exits 0 on success and 1 when IAM cannot be read.
/// With <c>--org --output-dir DIR [--member-role NAME] [--accounts ID,ID] [--max-parallel N]</c> it reads the whole organisation
/// into a snapshot folder instead (<see cref="OrganizationSnapshotRun"/>): exit 0 when every account was read, 1 when some
/// were not (the folder is written without them), 2 when the organisation cannot be read or the folder not written.
/// </summary>
internal static class SnapshotCommand
{
    /// <summary>The exit code when the account could not be read.</summary>
    public const int CouldNotRead = 1;

    // The snapshot is data for other tools: policy text stays as written (no \u0022 for quotes, no \u002B for plus).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliContext context)
    {
        var time = context.Time;
        var environment = context.Aws;
        var region = new Option<string?>("--region") { Description = "the region, which chooses the partition (IAM is global); default AWS_REGION or the profile's" };
        var profile = new Option<string?>("--profile") { Description = "a named profile of the shared AWS config and credentials files; default the SDK's credential chain" };
        var format = OutputOption.Create("json: the JSON of `aws iam get-account-authorization-details`", "json");
        var output = OutputFileOption.Create("write the snapshot to this file instead of standard output");
        // A folder is not a file: --org names where it writes with its own option, so --output-file always means one file.
        var folderOption = new Option<DirectoryInfo?>("--output-dir") { Description = "with --org: the snapshot folder to write", HelpName = "DIR" };
        var organization = new Option<bool>("--org") { Description = "read the whole organisation (AWS Organizations, then each account's IAM, buckets and KMS keys) into the folder --output-dir names" };
        var memberRole = new Option<string?>("--member-role") { Description = $"with --org: the role assumed in each member account (default {OrganizationCrawlOptions.DefaultMemberRole}; a read-only role in practice)" };
        var accounts = new Option<string?>("--accounts") { Description = "with --org: read only these accounts (ID,ID); organization.json still lists every account" };
        var maxParallel = new Option<int?>("--max-parallel") { Description = $"with --org: accounts read at once (default {OrganizationCrawlOptions.DefaultMaxParallel})" };
        var command = new Command("snapshot", "read the account from IAM into a get-account-authorization-details snapshot, or with --org the organisation into a snapshot folder")
        {
            region, profile, format, output, organization, folderOption, memberRole, accounts, maxParallel,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var connection = new AwsConnection(parse.GetValue(region), parse.GetValue(profile));
            if (!parse.GetValue(organization))
            {
                return parse.GetResult(memberRole) is null && parse.GetResult(accounts) is null && parse.GetResult(maxParallel) is null
                    && parse.GetResult(folderOption) is null
                    ? RunAsync(connection, parse.GetValue(output), parse, time, environment, cancellationToken)
                    : Task.FromResult(Usage(parse, "--output-dir, --member-role, --accounts and --max-parallel go with --org"));
            }
            if (parse.GetResult(output) is not null)
            {
                return Task.FromResult(Usage(parse, "--org writes a snapshot folder, not one file: give it with --output-dir DIR"));
            }
            if (parse.GetValue(folderOption) is not { } folder)
            {
                return Task.FromResult(Usage(parse, "--org writes a snapshot folder: give it with --output-dir DIR"));
            }
            var (ids, idsError) = OrganizationSnapshotRun.ParseAccounts(parse.GetValue(accounts));
            if (idsError is not null)
            {
                return Task.FromResult(Usage(parse, idsError));
            }
            if (parse.GetValue(maxParallel) is < 1 or > 64)
            {
                return Task.FromResult(Usage(parse, "--max-parallel: give a number from 1 to 64"));
            }
            var options = new OrganizationCrawlOptions(connection, environment, time)
            {
                MemberRoleName = parse.GetValue(memberRole) ?? OrganizationCrawlOptions.DefaultMemberRole,
                Accounts = ids,
                MaxParallel = parse.GetValue(maxParallel) ?? OrganizationCrawlOptions.DefaultMaxParallel,
            };
            return OrganizationSnapshotRun.RunAsync(options, folder.FullName, parse.InvocationConfiguration.Error, cancellationToken);
        });
        return command;
    }

    private static int Usage(ParseResult parse, string message)
    {
        parse.InvocationConfiguration.Error.WriteLine($"iamgov: {message}");
        return CliApp.UsageError;
    }

    private static async Task<int> RunAsync(AwsConnection connection, FileInfo? output, ParseResult parse, TimeProvider time,
        AwsEnvironment environment, CancellationToken cancellationToken)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        // Redirects are never followed: a followed redirect would replay the signature to another address.
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var (client, error) = IamClient.Create(http, connection, environment, time);
        if (client is null)
        {
            stderr.WriteLine($"iamgov: {error!.Message}");
            return CouldNotRead;
        }
        var fetch = await AccountSnapshotFetcher.FetchAsync(client, cancellationToken).ConfigureAwait(false);
        if (!fetch.Success)
        {
            if (fetch.Error is { Kind: IamErrorKind.NotConfigured } unconfigured)
            {
                // No call was made (no credentials, no endpoint): the message says what to do, in one line.
                stderr.WriteLine($"iamgov: {unconfigured.Message}");
            }
            else if (fetch.Error is { } iamError)
            {
                stderr.WriteLine($"iamgov: {iamError.Describe()}");
                stderr.WriteLine($"iamgov: {Hint(iamError)}");
            }
            foreach (var problem in fetch.Problems)
            {
                stderr.WriteLine($"iamgov: snapshot from {client.Endpoint.Url}: {problem}");
            }
            return CouldNotRead;
        }
        var json = fetch.Snapshot!.ToJsonString(Indented) + "\n";
        if (output is null)
        {
            await stdout.WriteAsync(json.AsMemory(), cancellationToken).ConfigureAwait(false);
            return 0;
        }
        try
        {
            await File.WriteAllTextAsync(output.FullName, json, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"iamgov: {output.FullName}: {e.Message}");
            return CouldNotRead;
        }
        var counts = string.Join(", ", fetch.Snapshot!.Select(static p => $"{p.Value!.AsArray().Count} {p.Key}"));
        stderr.WriteLine($"iamgov: wrote {output.FullName} ({counts}; {fetch.RequestIds.Count} pages)");
        return 0;
    }

    private static string Hint(IamError error) => error.Kind switch
    {
        IamErrorKind.AccessDenied => "the credentials need iam:GetAccountAuthorizationDetails (the AWS managed policy SecurityAudit has it)",
        IamErrorKind.Throttled => "IAM kept throttling the calls; run it again later",
        IamErrorKind.Unavailable => "IAM could not be reached or kept failing; check the network and AWS_ENDPOINT_URL_IAM / AWS_ENDPOINT_URL",
        _ => "nothing was written",
    };
}
