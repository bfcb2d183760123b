using System.CommandLine;
using System.Text;

namespace Governance.Cli.Commands;

/// <summary>
/// Sends a command's output where <see cref="OutputFileOption"/> says: standard output, or the file, streamed into a file
/// beside it that is moved in place once the command has answered (exit 0 or 1), so that a command that could not run
/// leaves no half-written file behind and the one there before stays as it was.
/// </summary>
internal static class OutputDestination
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Runs <paramref name="body"/> with the writer its output goes to, and returns its exit code.</summary>
    public static int Run(ParseResult parse, Option<FileInfo?> outputFile, Func<TextWriter, int> body) =>
        RunAsync(parse, outputFile, writer => Task.FromResult(body(writer))).GetAwaiter().GetResult();

    /// <summary>As <see cref="Run"/>, for a command that awaits.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Option<FileInfo?> outputFile, Func<TextWriter, Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(body);
        if (parse.GetValue(outputFile) is not { } file)
        {
            return await body(parse.InvocationConfiguration.Output).ConfigureAwait(false);
        }
        var exit = CliApp.CouldNotRun;
        var written = await TryWriteAsync(file, async stream =>
        {
            // A report of an organisation runs to a hundred megabytes: it goes to the disk as it is written, not through memory.
            await using var writer = new StreamWriter(stream, Utf8, 64 * 1024, leaveOpen: true);
            exit = await body(writer).ConfigureAwait(false);
            return exit is 0 or 1;
        }, parse.InvocationConfiguration.Error).ConfigureAwait(false);
        return written || exit is not (0 or 1) ? exit : CliApp.CouldNotRun;
    }

    /// <summary>
    /// Writes what <paramref name="write"/> streams to <paramref name="file"/>: into a file beside it, moved in place
    /// once complete, so a failure leaves no half-written report; false after saying why it could not.
    /// </summary>
    /// <param name="file">The file.</param>
    /// <param name="write">Writes the content to the stream it is given.</param>
    /// <param name="stderr">Where a failure is told.</param>
    /// <param name="option">The option that named the file, for the messages.</param>
    public static bool TryWrite(FileInfo file, Action<Stream> write, TextWriter stderr, string option = "--output-file")
    {
        ArgumentNullException.ThrowIfNull(write);
        return TryWriteAsync(file, stream =>
        {
            write(stream);
            return Task.FromResult(true);
        }, stderr, option).GetAwaiter().GetResult();
    }

    /// <summary>
    /// As <see cref="TryWrite(FileInfo, Action{Stream}, TextWriter, string)"/>, for a writer that awaits and may decide
    /// the file is not to be kept (false): the file beside it is then removed and the one in place left as it was.
    /// </summary>
    /// <returns>False when the file could not be written, after saying why; otherwise true, kept or not.</returns>
    private static async Task<bool> TryWriteAsync(FileInfo file, Func<Stream, Task<bool>> write, TextWriter stderr, string option = "--output-file")
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Directory.Exists(file.FullName))
        {
            stderr.WriteLine($"iamgov: {option} {file}: is a folder; a file was expected");
            return false;
        }
        var partial = file.FullName + ".partial";
        try
        {
            bool keep;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                keep = await write(stream).ConfigureAwait(false);
            }
            if (keep)
            {
                File.Move(partial, file.FullName, overwrite: true);
            }
            else
            {
                Remove(partial);
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Remove(partial);
            stderr.WriteLine($"iamgov: {option} {file}: cannot be written ({e.Message.ReplaceLineEndings(" ").Trim()})");
            return false;
        }
    }

    private static void Remove(string partial)
    {
        try
        {
            File.Delete(partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // It was never made, or cannot be removed either; the caller's message says why the report is missing.
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/> as UTF-8; false after saying why it could not.</summary>
    public static bool TryWrite(FileInfo file, string text, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryWrite(file, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)), stderr);
    }
}
