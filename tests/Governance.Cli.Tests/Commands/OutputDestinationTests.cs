using System.CommandLine;
using Governance.Cli.Commands;
using TestSupport.Files;

namespace Governance.Cli.Tests.Commands;

/// <summary><c>--output-file</c>: the output goes to the disk as it is written, and only an answer replaces the file there.</summary>
public sealed class OutputDestinationTests : IDisposable
{
    private readonly TempFolder _folder = TempFolder.Create();

    public void Dispose() => _folder.Dispose();

    private string File => Path.Combine(_folder.Path, "report.json");

    private static int Run(string file, Func<TextWriter, int> body)
    {
        var option = OutputFileOption.Create();
        var command = new RootCommand { option };
        var parse = command.Parse(["--output-file", file]);
        return OutputDestination.Run(parse, option, body);
    }

    [Fact]
    public void Run_LargeOutput_IsOnTheDiskBeforeTheCommandEnds()
    {
        // Arrange
        var line = new string('x', 1023);
        long onDiskWhileWriting = 0;

        // Act
        var exit = Run(File, writer =>
        {
            for (var i = 0; i < 4096; i++)
            {
                writer.WriteLine(line);
            }
            onDiskWhileWriting = new FileInfo(File + ".partial").Length;
            return 0;
        });

        // Assert: of 4 MiB written, all but the writers' buffers (64 KiB each) is already in the file beside the target.
        Assert.Equal(0, exit);
        Assert.True(onDiskWhileWriting > 3 * 1024 * 1024, $"{onDiskWhileWriting} bytes on the disk while writing");
        Assert.Equal(4096 * 1024, new FileInfo(File).Length);
        Assert.False(System.IO.File.Exists(File + ".partial"));
    }

    /// <summary>An answer (exit 0, or 1 for findings) replaces the file, as UTF-8 without a byte-order mark; a command that could not run (2) leaves it as it was.</summary>
    [Theory]
    [InlineData(1, "drift → found")]
    [InlineData(CliApp.UsageError, "yesterday's report")]
    public void Run_ExitCode_DecidesWhetherTheFileIsReplaced(int code, string expected)
    {
        // Arrange
        System.IO.File.WriteAllText(File, "yesterday's report");

        // Act
        var exit = Run(File, writer =>
        {
            writer.Write("drift → found");
            return code;
        });

        // Assert
        Assert.Equal(code, exit);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(expected), System.IO.File.ReadAllBytes(File));
        Assert.False(System.IO.File.Exists(File + ".partial"));
    }
}
