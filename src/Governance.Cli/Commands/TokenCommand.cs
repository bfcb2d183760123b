using System.CommandLine;
using Governance.Core.Hosting;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Signing;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Commands;

/// <summary><c>iamgov token</c>: mints a bearer token signed with the embedded service's key, for curl and scripts.</summary>
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
        var dataDir = new Option<string?>("--data-dir") { Description = "The service's data folder (default: $Governance__DataDirectory, else ./data, as the service reads it)" };
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
            sub, roles, dataDir, minutes,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            // The service's own settings, read from the environment as the service reads them (Governance__Auth__Authority, …).
            GovernanceOptions settings;
            try
            {
                settings = GovernanceOptions.Read(new ConfigurationBuilder().AddEnvironmentVariables().Build());
            }
            catch (InvalidOperationException e)
            {
                // A Governance__ variable the binder cannot read: the service would refuse to start on it too.
                error.WriteLine($"iamgov: {e.Message}");
                return 2;
            }
            if (settings.Auth.Authority is { Length: > 0 } authority)
            {
                error.WriteLine($"iamgov: the service takes tokens from `{authority}`; get one there (local tokens would be refused)");
                return 1;
            }
            var directory = parse.GetValue(dataDir) ?? settings.DataDirectory;
            var key = LocalSigningKey.LoadOrCreate(Path.GetFullPath(directory));
            var token = LocalTokenIssuer.Mint(key, parse.GetValue(sub)!, parse.GetValue(roles)!, TimeSpan.FromMinutes(parse.GetValue(minutes)),
                time);
            output.WriteLine(token);
            return 0;
        });
        return command;
    }
}
