using System.CommandLine;
using Governance.Cli.Answers;
using Governance.Cli.Remote;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov credentials --grant ID [--api URL] [--token TOKEN] [-o json] [--output-file FILE]</c>: short-lived AWS credentials for one of the caller's
/// active grants, printed as the JSON the AWS CLI's <c>credential_process</c> expects. Errors go to standard error
/// with exit 1 (2 for a usage error), so the AWS CLI shows them and never reads half an answer.
/// </summary>
internal static class CredentialsCommand
{
    /// <summary>The environment variable holding the bearer token.</summary>
    public const string TokenVariable = "IAMGOV_TOKEN";

    /// <summary>The environment variable holding the API's base URL.</summary>
    public const string ApiVariable = "IAMGOV_API";

    /// <summary>The API's URL when neither <c>--api</c> nor <see cref="ApiVariable"/> names one.</summary>
    public const string DefaultApi = "http://localhost:5000";

    /// <summary>The exit code when the API could not be asked or refused.</summary>
    public const int Failed = 1;

    public static Command Create(CliContext context)
    {
        var grant = new Option<Guid>("--grant") { Description = "The grant's id", Required = true, HelpName = "ID" };
        var api = new Option<string?>("--api") { Description = $"The governance API's base URL (default: ${ApiVariable}, else {DefaultApi})" };
        var token = new Option<string?>("--token") { Description = $"A bearer token for the API (default: ${TokenVariable})" };
        var output = OutputOption.Create("json: the JSON credential_process expects", "json");
        var outputFile = OutputFileOption.Create();
        var command = new Command("credentials", "Print short-lived AWS credentials for an active grant, as credential_process expects them")
        {
            grant, api, token, output, outputFile,
        };
        command.SetAction((parse, cancellationToken) => OutputDestination.RunAsync(parse, outputFile,
            stdout => RunAsync(parse, stdout, parse.GetValue(grant), parse.GetValue(api), parse.GetValue(token), cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, TextWriter stdout, Guid grantId, string? apiOption, string? tokenOption,
        CancellationToken cancellationToken)
    {
        var stderr = parse.InvocationConfiguration.Error;
        var apiText = apiOption ?? FromEnvironment(ApiVariable) ?? DefaultApi;
        if (!Uri.TryCreate(apiText.EndsWith('/') ? apiText : apiText + "/", UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"iamgov: `{apiText}` is not an http or https URL; set --api or {ApiVariable}").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        var token = tokenOption ?? FromEnvironment(TokenVariable);
        if (string.IsNullOrWhiteSpace(token))
        {
            await stderr.WriteLineAsync($"iamgov: no token: pass --token or set {TokenVariable} (on the embedded service, `iamgov token` prints one)").ConfigureAwait(false);
            return CliApp.UsageError;
        }
        var (credentials, error) = await GrantCredentialsClient.FetchAsync(api, token.Trim(), grantId, cancellationToken).ConfigureAwait(false);
        if (credentials is null)
        {
            await stderr.WriteLineAsync($"iamgov: {error}").ConfigureAwait(false);
            return Failed;
        }
        await stdout.WriteLineAsync(CredentialProcessJson.Render(credentials)).ConfigureAwait(false);
        return 0;
    }

    private static string? FromEnvironment(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
