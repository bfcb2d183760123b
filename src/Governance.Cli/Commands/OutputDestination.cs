using System.CommandLine;
using System.Text;

namespace Governance.Cli.Commands;

/// <summary>
/// Sends a command's output where <see cref="OutputFileOption"/> says: standard output, or the file, written once the
/// command has answered (exit 0 or 1), so that a command that could not run leaves no half-written file behind.
/// </summary>
internal static class OutputDestination
{
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
        using var buffer = new StringWriter();
        var exit = await body(buffer).ConfigureAwait(false);
        if (exit is not (0 or 1))
        {
            return exit;
        }
        return TryWrite(file, buffer.ToString(), parse.InvocationConfiguration.Error) ? exit : CliApp.CouldNotRun;
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
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(stderr);
        if (Directory.Exists(file.FullName))
        {
            stderr.WriteLine($"iamgov: {option} {file}: is a folder; a file was expected");
            return false;
        }
        var partial = file.FullName + ".partial";
        try
        {
            using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                write(stream);
            }
            File.Move(partial, file.FullName, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(partial);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // It was never made, or cannot be removed either; the message below says why the report is missing.
            }
            stderr.WriteLine($"iamgov: {option} {file}: cannot be written ({e.Message.ReplaceLineEndings(" ").Trim()})");
            return false;
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="file"/> as UTF-8; false after saying why it could not.</summary>
    public static bool TryWrite(FileInfo file, string text, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryWrite(file, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)), stderr);
    }
}
