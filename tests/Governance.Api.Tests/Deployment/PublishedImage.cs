using System.Diagnostics;
using TestSupport.Paths;

namespace Governance.Api.Tests.Deployment;

/// <summary>
/// The container image's application folder without a container builder: the Containerfile's build context (its build
/// stage's COPY sources, build output left out as <c>.containerignore</c> does) is copied to a fresh folder, published
/// there with the Containerfile's own command, and the final stage's other COPY sources are added beside it.
/// </summary>
/// <remarks>Publishing takes a minute or two on a busy machine: once per test class.</remarks>
public sealed class PublishedImage : IAsyncLifetime
{
    /// <summary>The build stage's publish command, which the tests require the Containerfile to hold as written.</summary>
    internal const string PublishCommand = "dotnet publish src/Governance.Api -c Release -o " + PublishOutput;

    /// <summary>Where the build stage publishes, and the final stage's WORKDIR.</summary>
    internal const string PublishOutput = "/app";

    /// <summary>The folder holding the copied context and the published application, readable by every user.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), $"iamgov-image-{Guid.NewGuid():N}");

    /// <summary>The application folder: <c>/app</c> in the image.</summary>
    public string AppFolder => Path.Combine(Root, "app");

    /// <summary>The Containerfile the folder was made from.</summary>
    internal Containerfile File { get; } = Containerfile.Load();

    /// <summary>Maps a path inside the image to this machine's copy (only paths under <c>/app</c> are copied).</summary>
    public string OnHost(string imagePath)
        => imagePath == PublishOutput || imagePath.StartsWith(PublishOutput + "/", StringComparison.Ordinal)
            ? Path.Combine(AppFolder, imagePath[PublishOutput.Length..].TrimStart('/'))
            : throw new ArgumentException($"`{imagePath}` is outside {PublishOutput}", nameof(imagePath));

    public async Task InitializeAsync()
    {
        var context = Path.Combine(Root, "context");
        foreach (var copy in File.Build.All("COPY"))
        {
            var sources = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            foreach (var source in sources)
            {
                CopyFromRepository(source, Path.Combine(context, source.TrimEnd('/')));
            }
        }
        await RunAsync("dotnet", [.. PublishCommand.Split(' ')[1..^1], AppFolder], context);
        foreach (var copy in File.Final.All("COPY").Where(c => !c.StartsWith("--from", StringComparison.Ordinal)))
        {
            var parts = copy.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var target = parts[1].StartsWith('/') ? parts[1] : $"{File.Final.WorkingDirectory}/{parts[1]}";
            CopyFromRepository(parts[0], OnHost(target.TrimEnd('/')));
        }
        // The tests may run as root with umask 077 (the in-process API sets it); the image's files are world-readable.
        await RunAsync("chmod", ["-R", "a+rX", Root], Root);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temp-folder cleanup.
        }
        return Task.CompletedTask;
    }

    /// <summary>Copies a repository file or folder (relative, as a COPY source) to <paramref name="to"/>, skipping bin/ and obj/.</summary>
    private static void CopyFromRepository(string source, string to)
    {
        var from = Path.Combine(RepositoryPaths.Root, source.TrimEnd('/'));
        if (System.IO.File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            System.IO.File.Copy(from, to);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            System.IO.File.Copy(file, target);
        }
    }

    private static async Task RunAsync(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
