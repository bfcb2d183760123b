namespace Governance.Cli.Inputs;

/// <summary>
/// Reads a file named on the command line, or standard input when it is named <c>-</c>: the one place that words a
/// missing, unreadable or oversized input, so every command says it the same way.
/// </summary>
internal static class InputFile
{
    /// <summary>The name that stands for standard input wherever a file is taken.</summary>
    public const string StandardInputName = "-";

    /// <summary>The largest input read: far beyond any policy or account snapshot, and still bounded.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    /// <summary>How <paramref name="path"/> is named in messages: the path as given, or <c>standard input</c>.</summary>
    public static string DisplayName(string path) => IsStandardInput(path) ? "standard input" : path.Replace('\\', '/');

    /// <summary>Whether <paramref name="path"/> names standard input.</summary>
    public static bool IsStandardInput(string path) => path == StandardInputName;

    /// <summary>The bytes of <paramref name="path"/> (or of <paramref name="standardInput"/> for <c>-</c>), or what kept them from being read.</summary>
    public static (byte[]? Bytes, InputError? Error) Read(string path, Stream standardInput, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(standardInput);
        if (IsStandardInput(path))
        {
            return ReadBounded(standardInput, DisplayName(path), maxBytes);
        }
        if (Directory.Exists(path))
        {
            return (null, new InputError($"{DisplayName(path)}: is a folder; a file was expected"));
        }
        if (!File.Exists(path))
        {
            return (null, new InputError($"{DisplayName(path)}: no such file"));
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            return ReadBounded(stream, DisplayName(path), maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new InputError($"{DisplayName(path)}: cannot be read ({FirstLine(e.Message)})"));
        }
    }

    private static (byte[]? Bytes, InputError? Error) ReadBounded(Stream stream, string name, long maxBytes)
    {
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return (null, new InputError($"{name}: larger than {maxBytes / (1024 * 1024)} MiB; split it or pass a smaller file"));
            }
            copy.Write(buffer, 0, read);
        }
        return (copy.ToArray(), null);
    }

    private static string FirstLine(string message) =>
        message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "unknown error";
}
