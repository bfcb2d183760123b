using System.CommandLine;
using Governance.Core.Identity;
using Governance.Core.Infrastructure.Signing;

namespace Governance.Cli.Commands;

/// <summary><c>iamgov token</c>: mints a bearer token signed with the embedded service's key, for curl and scripts.</summary>
internal static class TokenCommand
{
    /// <summary>The environment variable that, when set, means tokens come from an external authority.</summary>
    public const string AuthorityVariable = "Governance__Auth__Authority";

    /// <summary>The environment variable the service reads its data folder from.</summary>
    public const string DataDirectoryVariable = "Governance__DataDirectory";

    public static Command Create(TimeProvider? time = null)
    {
        var sub = new Option<string>("--sub") { Description = "The subject (user name) the token names", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"A role: {string.Join(", ", Roles.All)} (repeat for several)",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        roles.AcceptOnlyFromAmong([.. Roles.All]);
        var dataDir = new Option<string?>("--data-dir") { Description = $"The service's data folder (default: ${DataDirectoryVariable}, else ./data)" };
        var minutes = new Option<int>("--minutes") { Description = "Lifetime in minutes", DefaultValueFactory = static _ => 60 };
        minutes.Validators.Add(static r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 24 * 60)
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
            if (Environment.GetEnvironmentVariable(AuthorityVariable) is { Length: > 0 } authority)
            {
                error.WriteLine($"iamgov: the service takes tokens from `{authority}`; get one there (local tokens would be refused)");
                return 1;
            }
            var directory = parse.GetValue(dataDir) ?? Environment.GetEnvironmentVariable(DataDirectoryVariable) ?? "data";
            var key = LocalSigningKey.LoadOrCreate(Path.GetFullPath(directory));
            var token = LocalTokenIssuer.Mint(key, parse.GetValue(sub)!, parse.GetValue(roles)!, TimeSpan.FromMinutes(parse.GetValue(minutes)),
                time ?? TimeProvider.System);
            output.WriteLine(token);
            return 0;
        });
        return command;
    }
}
