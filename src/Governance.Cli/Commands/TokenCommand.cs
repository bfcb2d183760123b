using System.CommandLine;
using Governance.Cli.Inputs;
using Governance.Core.Formats;
using Governance.Core.Hosting;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Signing;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov token --sub NAME --role ROLE... [--data-dir DIR] [--create-key] [--minutes N] [-o text|json] [--output-file FILE]</c>:
/// mints a bearer token signed with the embedded service's key, for curl and scripts. The key is the service's own,
/// found as <see cref="ServiceDataFolder"/> says; a new key is made only with <c>--create-key</c>, since a token signed
/// with a key the service does not hold is refused (401) by it.
/// </summary>
internal static class TokenCommand
{
    public static Command Create(CliContext context)
    {
        var time = context.Time;
        var sub = new Option<string>("--sub") { Description = "The subject (user name) the token names", Required = true };
        // The service refuses a token whose subject cannot name an actor: it is not minted.
        sub.Validators.Add(static r =>
        {
            if (ActorIdRule.Refusal(r.GetValueOrDefault<string>()) is { } refusal)
            {
                r.AddError($"--sub {refusal}");
            }
        });
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role: {string.Join(", ", Roles.All)} (repeat for several)",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        roles.AcceptOnlyFromAmong([.. Roles.All]);
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "The service's data folder, its Governance:DataDirectory (default: $Governance__DataDirectory, else the nearest data/ holding a signing key, here or above)",
            HelpName = "DIR",
        };
        var createKey = new Option<bool>("--create-key") { Description = "Create the signing key when the data folder has none (the service must then use that folder)" };
        var output = OutputOption.Create("text: the token alone; json: {\"token\",\"expiresAt\",\"dataDirectory\"}", "text", "json");
        var outputFile = OutputFileOption.Create();
        var minutes = new Option<int>("--minutes") { Description = "Lifetime in minutes", DefaultValueFactory = static _ => 60 };
        minutes.Validators.Add(static r =>
        {
            // A value that is not a number is the parser's error already, and GetValueOrDefault would throw on it.
            if (r.Tokens is [{ } given] && int.TryParse(given.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is < 1 or > 24 * 60)
            {
                r.AddError("--minutes must be from 1 to 1440");
            }
        });
        var command = new Command("token", "Print a bearer token signed with the embedded service's key (refused when an external authority is configured)")
        {
            sub, roles, dataDir, createKey, minutes, output, outputFile,
        };
        command.SetAction(parse => OutputDestination.Run(parse, outputFile, stdout =>
        {
            var error = parse.InvocationConfiguration.Error;
            // The service's own settings, read from the environment as the service reads them (Governance__Auth__Authority, …).
            GovernanceOptions settings;
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            try
            {
                settings = GovernanceOptions.Read(configuration);
            }
            catch (InvalidOperationException e)
            {
                // A Governance__ variable the binder cannot read: the service would refuse to start on it too.
                error.WriteLine($"iamgov: {e.Message}");
                return CliApp.UsageError;
            }
            if (settings.Auth.Authority is { Length: > 0 } authority)
            {
                error.WriteLine($"iamgov: the service takes tokens from `{authority}`; get one there (local tokens would be refused)");
                return CliApp.CouldNotRun;
            }
            // The service's setting only when it was set: its default ("data") is looked for upwards instead.
            var named = parse.GetValue(dataDir) ?? configuration[$"Governance:{nameof(GovernanceOptions.DataDirectory)}"];
            var (directory, refusal) = ServiceDataFolder.Find(named, Directory.GetCurrentDirectory(), parse.GetValue(createKey));
            if (directory is null)
            {
                error.WriteLine($"iamgov: {refusal}");
                return CliApp.CouldNotRun;
            }
            var key = LocalSigningKey.LoadOrCreate(directory);
            var lifetime = TimeSpan.FromMinutes(parse.GetValue(minutes));
            var token = LocalTokenIssuer.Mint(key, parse.GetValue(sub)!, parse.GetValue(roles)!, lifetime, time);
            stdout.WriteLine(parse.GetValue(output) == "json"
                ? Answers.JsonText.Render(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("token", token);
                    json.WriteString("expiresAt", UtcTimestamp.Format(time.GetUtcNow().Add(lifetime)));
                    json.WriteString("dataDirectory", directory);
                    json.WriteEndObject();
                })
                : token);
            return 0;
        }));
        return command;
    }
}
