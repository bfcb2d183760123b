using Governance.Cli.Inputs;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>
/// Validates the files and folders named on the command line: every <c>*.json</c> below a folder, each read as what
/// it is (<see cref="FileClassifier"/>), and standard input as one plain policy.
/// </summary>
internal static class RepositoryValidator
{
    /// <summary>Files up to this size are read whole, so that a too-large document's finding gives its true size.</summary>
    private const long WholeFileLimit = 64L * 1024 * 1024;

    /// <summary>Validates <paramref name="paths"/>, which must exist (the command checks them first).</summary>
    public static ValidationRun Run(IReadOnlyList<string> paths, ValidationSettings settings, Stream standardInput)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(settings);
        var files = new List<FileReport>();
        var skipped = new List<SkippedFile>();
        var unreadable = new List<string>();
        foreach (var path in paths)
        {
            if (InputFile.IsStandardInput(path))
            {
                var (bytes, error) = InputFile.Read(path, standardInput);
                if (bytes is null)
                {
                    unreadable.Add(error!.Message);
                    continue;
                }
                var kind = settings.Kind ?? PolicyKind.Identity;
                files.Add(PolicyFileValidator.Validate(InputFile.DisplayName(path), string.Empty, bytes, kind, settings.Container));
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Select(f => Path.Join(path, Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal))
                {
                    ValidateFile(file, named: false, settings, files, skipped, unreadable);
                }
            }
            else
            {
                ValidateFile(path, named: true, settings, files, skipped, unreadable);
            }
        }
        return new ValidationRun(files, skipped, unreadable);
    }

    private static void ValidateFile(string file, bool named, ValidationSettings settings,
        List<FileReport> files, List<SkippedFile> skipped, List<string> unreadable)
    {
        var shown = file.Replace('\\', '/');
        byte[] bytes;
        try
        {
            bytes = ReadBounded(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // One file that cannot be read does not keep the others from being answered; it still fails the run.
            unreadable.Add($"{shown}: cannot be read ({FirstLine(e.Message)})");
            return;
        }
        var fullPath = Path.GetFullPath(file);
        var classification = FileClassifier.Classify(fullPath, bytes, named);
        switch (classification.Kind)
        {
            case null:
                skipped.Add(new SkippedFile(shown, classification.SkipReason!));
                break;
            case FileKind.Role:
                files.Add(RoleFileValidator.Validate(shown, fullPath, bytes));
                break;
            case FileKind.PermissionSet:
                files.Add(PermissionSetFileValidator.Validate(shown, fullPath, bytes));
                break;
            default:
                files.Add(PolicyFileValidator.Validate(shown, fullPath, bytes, settings.Kind ?? classification.PolicyKind, settings.Container));
                break;
        }
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

    private static string FirstLine(string message) =>
        message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "unknown error";
}
