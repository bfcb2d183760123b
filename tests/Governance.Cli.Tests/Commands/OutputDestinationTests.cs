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

    [Fact]
    public void Run_CommandThatCouldNotRun_LeavesTheFileThereAsItWas()
    {
        // Arrange
        System.IO.File.WriteAllText(File, "yesterday's report");

        // Act
        var exit = Run(File, writer =>
        {
            writer.Write("half a report");
            return CliApp.UsageError;
        });

        // Assert
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Equal("yesterday's report", System.IO.File.ReadAllText(File));
        Assert.False(System.IO.File.Exists(File + ".partial"));
    }

    [Fact]
    public void Run_Answer_ReplacesTheFileWithUtf8WithoutMark()
    {
        // Arrange
        System.IO.File.WriteAllText(File, "yesterday's report");

        // Act
        var exit = Run(File, writer =>
        {
            writer.Write("drift → found");
            return 1;
        });

        // Assert: exit 1 (findings) is an answer too.
        Assert.Equal(1, exit);
        Assert.Equal("drift → found"u8.ToArray(), System.IO.File.ReadAllBytes(File));
    }
}
