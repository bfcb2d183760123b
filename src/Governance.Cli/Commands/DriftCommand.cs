using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Governance.Cli.Inputs;
using Governance.Core.Drift;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov drift --desired DIR --account FILE... [--format text|json]</c>: compares the roles kept as code in
/// <c>DIR/roles/</c> with an account snapshot. Exits 0 whether or not it finds drift (CI reads the findings), and 1
/// only when it cannot run.
/// </summary>
internal static class DriftCommand
{
    /// <summary>The exit code when the audit could not run.</summary>
    public const int CouldNotRun = 1;

    // Backticks and quotes in details stay readable; the output is JSON for pipelines, never embedded in HTML.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TimeProvider time)
    {
        var desired = new Option<DirectoryInfo>("--desired") { Description = "the policies folder; its roles/ holds the roles kept as code", Required = true };
        var accounts = new Option<FileInfo[]>("--account") { Description = "an account snapshot (aws iam get-account-authorization-details); repeatable", Required = true, AllowMultipleArgumentsPerToken = true };
        var format = new Option<DriftFormat>("--format") { Description = "text or json", DefaultValueFactory = static _ => DriftFormat.Text };
        var command = new Command("drift", "compare the roles kept as code with an account snapshot") { desired, accounts, format };
        command.SetAction(parse => Run(parse.GetValue(desired)!, parse.GetValue(accounts) ?? [], parse.GetValue(format), parse, time));
        return command;
    }

    private static int Run(DirectoryInfo desired, FileInfo[] accounts, DriftFormat format, ParseResult parse, TimeProvider time)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        if (!desired.Exists)
        {
            stderr.WriteLine($"iamgov: {desired.FullName}: folder does not exist");
            return CouldNotRun;
        }
        var (roles, roleErrors) = RoleDefinitionLoader.LoadDirectory(Path.Combine(desired.FullName, "roles"));
        var (state, errors) = AccountFiles.Load(accounts);
        if (state is null || !roleErrors.IsEmpty)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"iamgov: {error.Message}");
            }
            foreach (var error in roleErrors)
            {
                stderr.WriteLine($"iamgov: roles/{error.File}: {(error.JsonPath.Length > 0 ? error.JsonPath + ": " : string.Empty)}{error.Message}");
            }
            return CouldNotRun;
        }
        var findings = DriftCalculator.Compare(new DesiredState(roles, []), state, time.GetUtcNow());
        if (format == DriftFormat.Json)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, Indented))
            {
                json.WriteStartObject();
                json.WriteStartArray("findings");
                foreach (var f in findings)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", f.Kind.ToString());
                    json.WriteString("principal", f.Principal);
                    json.WriteString("severity", f.Severity.ToString());
                    json.WriteString("detail", f.Detail);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return 0;
        }
        foreach (var f in findings)
        {
            stdout.WriteLine($"{f.Severity,-8} {f.Kind,-18} {f.Principal}");
            stdout.WriteLine($"         {f.Detail}");
        }
        stdout.WriteLine(findings.IsEmpty ? "no drift" : $"{findings.Length} findings");
        return 0;
    }
}
