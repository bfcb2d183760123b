using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Snapshot;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov snapshot [--region R] [--profile P] [--out FILE]</c>: reads the account from IAM
/// (<c>GetAccountAuthorizationDetails</c>, every page) and writes it in the JSON of
/// <c>aws iam get-account-authorization-details</c>, so that every <c>--account FILE</c> command reads it.
/// Exits 0 on success and 1 when IAM cannot be read.
/// </summary>
internal static class SnapshotCommand
{
    /// <summary>The exit code when the account could not be read.</summary>
    public const int CouldNotRead = 1;

    // The snapshot is data for other tools: policy text stays as written (no \u0022 for quotes, no \u002B for plus).
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TimeProvider time, AwsEnvironment environment)
    {
        var region = new Option<string?>("--region") { Description = "the region, which chooses the partition (IAM is global); default AWS_REGION or the profile's" };
        var profile = new Option<string?>("--profile") { Description = "a named profile of the shared AWS config and credentials files; default the SDK's credential chain" };
        var output = new Option<FileInfo?>("--out") { Description = "write the snapshot to this file instead of standard output" };
        var command = new Command("snapshot", "read the account from IAM into a get-account-authorization-details snapshot") { region, profile, output };
        command.SetAction((parse, cancellationToken) => RunAsync(new AwsConnection(parse.GetValue(region), parse.GetValue(profile)),
            parse.GetValue(output), parse, time, environment, cancellationToken));
        return command;
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
            if (fetch.Error is { } iamError)
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
