using System.CommandLine;
using Governance.Cli.Output;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;

namespace Governance.Cli.Commands;

/// <summary>
/// <c>iamgov validate PATH... [--kind KIND] [--format text|json|sarif]</c>: validates policy files, or every
/// <c>*.json</c> below a folder. Exit code 0 when no finding is an error, 1 when one is or a file cannot be read, 2 for a
/// usage error.
/// Without <c>--kind</c>, documents in a <c>guardrails/scp/</c> or <c>guardrails/rcp/</c> folder are validated as the
/// SCPs and RCPs they are, so that <c>iamgov validate policies/</c> reads a policies repository as it is meant.
/// </summary>
internal static class ValidateCommand
{
    /// <summary>Exit code when some document has an error.</summary>
    public const int ErrorsFound = 1;

    private static readonly string[] Kinds = ["identity", "resource", "trust", "boundary", "session", "scp", "rcp"];
    private static readonly string[] Formats = ["text", "json", "sarif"];

    /// <summary>Files up to this size are read whole, so that a too-large document's finding gives its true size.</summary>
    private const long WholeFileLimit = 64L * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Policy files, or folders whose *.json files (at any depth) are validated",
            Arity = ArgumentArity.OneOrMore,
        };
        var kind = new Option<string>("--kind")
        {
            Description = "What the documents are used as: " + string.Join(", ", Kinds),
            DefaultValueFactory = static _ => "identity",
        };
        kind.AcceptOnlyFromAmong(Kinds);
        var format = new Option<string>("--format")
        {
            Description = "Output: text (one finding a line), json, or sarif (SARIF 2.1.0 for code scanning)",
            DefaultValueFactory = static _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);

        var command = new Command("validate", "Validate IAM policy documents as IAM Access Analyzer does") { paths, kind, format };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(paths)!,
            parseResult.GetResult(kind) is { Implicit: false } ? Enum.Parse<PolicyKind>(parseResult.GetValue(kind)!, ignoreCase: true) : null,
            parseResult.GetValue(format)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    /// <param name="paths">The files and folders named.</param>
    /// <param name="kind">The kind given with <c>--kind</c>; null when none was, and then <see cref="PolicyKind.Identity"/> unless the folder says otherwise.</param>
    /// <param name="format">The output format.</param>
    /// <param name="output">Where the report goes.</param>
    /// <param name="error">Where skipped files and usage errors go.</param>
    private static int Run(string[] paths, PolicyKind? kind, string format, TextWriter output, TextWriter error)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                // A policies folder also holds other JSON (account snapshots, permission sets, approval rules):
                // below a folder only policy documents are validated; a file named on its own always is.
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Select(f => Path.Join(path, Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal))
                {
                    (PolicyFileSniffer.IsOtherJson(file) ? skipped : files).Add(file);
                }
            }
            else
            {
                error.WriteLine($"iamgov: no file or folder `{path}`");
                return CliApp.UsageError;
            }
        }

        foreach (var file in skipped)
        {
            error.WriteLine($"iamgov: skipped `{file.Replace('\\', '/')}`: a JSON object without `Statement` is not a policy document");
        }
        var reports = new List<FileReport>(files.Count);
        var unreadable = 0;
        foreach (var file in files)
        {
            byte[] text;
            try
            {
                text = ReadBounded(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // One file that cannot be read does not keep the others from being answered; it still fails the run.
                error.WriteLine($"iamgov: cannot read `{file.Replace('\\', '/')}`: {e.Message}");
                unreadable++;
                continue;
            }
            reports.Add(new FileReport(file.Replace('\\', '/'), PolicyValidator.Validate(text, kind ?? KindByFolder(file))));
        }

        switch (format)
        {
            case "json":
                JsonReportWriter.Write(output, reports);
                break;
            case "sarif":
                SarifReportWriter.Write(output, reports);
                break;
            default:
                TextReportWriter.Write(output, reports);
                break;
        }
        return unreadable > 0 || reports.Any(static r => r.Report.HasErrors) ? ErrorsFound : 0;
    }

    /// <summary>
    /// The file's bytes; for a file past <see cref="WholeFileLimit"/> (or a device that never ends), only its first
    /// bytes past the reader's limit: enough for the validator to refuse it as too large without holding it in memory.
    /// </summary>
    private static byte[] ReadBounded(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[stream.CanSeek && stream.Length is > 0 and <= WholeFileLimit ? (int)stream.Length : ReaderLimits.Default.MaxBytes + 1];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length ? buffer : buffer[..read];
    }

    /// <summary>An SCP or RCP kept as code (<c>guardrails/scp/NAME.json</c>, <c>guardrails/rcp/NAME.json</c>) is one; anything else an identity policy.</summary>
    private static PolicyKind KindByFolder(string file)
    {
        var folders = Path.GetDirectoryName(Path.GetFullPath(file))!.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (folders is not [.., "guardrails", var type])
        {
            return PolicyKind.Identity;
        }
        return type == GuardrailKeys.Folder(OrganizationPolicyType.ServiceControlPolicy) ? PolicyKind.Scp
            : type == GuardrailKeys.Folder(OrganizationPolicyType.ResourceControlPolicy) ? PolicyKind.Rcp
            : PolicyKind.Identity;
    }
}
