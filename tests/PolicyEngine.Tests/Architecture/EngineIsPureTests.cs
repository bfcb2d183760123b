using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Architecture;

/// <summary>The engine does no I/O, networking, logging or data access: it is a pure function of policies and request.</summary>
public sealed partial class EngineIsPureTests
{
    private static readonly string[] ForbiddenAssemblies = ["System.Net", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Logging"];

    [Fact]
    public void PolicyEngine_ReferencedAssemblies_ExcludeNetworkingDataAndLogging()
    {
        // Act
        var references = typeof(PolicyCompiler).Assembly.GetReferencedAssemblies().Select(static a => a.Name!).ToArray();

        // Assert
        Assert.DoesNotContain(references, r => ForbiddenAssemblies.Any(f => r.StartsWith(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void PolicyEngine_Sources_UseNoFileSystemOrLogger()
    {
        // Arrange
        var sources = Path.GetFullPath(Path.Combine(TestDirectory(), "..", "..", "..", "src", "PolicyEngine"));

        // Act
        var offenders = Directory.EnumerateFiles(sources, "*.cs", SearchOption.AllDirectories)
            .Where(static f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(static f => Forbidden().IsMatch(File.ReadAllText(f)))
            .ToArray();

        // Assert
        Assert.True(offenders.Length == 0, $"engine sources touching files, network or logging: {string.Join(", ", offenders)}");
    }

    [GeneratedRegex(@"\b(System\.IO\.File|File\.(Read|Write|Open|Exists)|Directory\.|HttpClient|ILogger|DbContext)\b")]
    private static partial Regex Forbidden();

    private static string TestDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
