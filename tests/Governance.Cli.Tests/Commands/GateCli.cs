using System.Text;
using Governance.Core.Infrastructure.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Governance.Cli.Tests.Commands;

/// <summary>Runs <c>iamgov</c> in-process on a fake clock (exclusions expire by it), with standard input when given.</summary>
internal static class GateCli
{
    /// <summary>1 December 2026: the demo exclusion (until 2027-11-24) is active, within a year.</summary>
    public static readonly DateTimeOffset Today = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static (int ExitCode, string Stdout, string Stderr) Run(string? stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? string.Empty));
        var code = CliApp.Run(args, stdout, stderr, new CliContext(input, new FakeTimeProvider(Today), AwsEnvironment.Process));
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>An exclusions file excluding each of <paramref name="rules"/> until <paramref name="expires"/>.</summary>
    public static string Exclusions(string expires, params string[] rules)
        => "{\n  \"exclusions\": [\n" + string.Join(",\n", rules.Select(r =>
            $$"""    {"finding": {"rule": "{{r}}"}, "reason": "accepted in review 42", "approvedBy": "alice@example.com", "expires": "{{expires}}"}""")) + "\n  ]\n}\n";
}
