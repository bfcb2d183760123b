using System.IO.Compression;
using System.Xml.Linq;
using Governance.Cli.Tests.Audit;
using TestSupport.Paths;

namespace Governance.Cli.Tests.Packaging;

/// <summary>
/// The tool package a newcomer installs: it installs from the package alone, runs, and carries only what the CLI needs
/// (none of the service's persistence: EF Core, Npgsql, the native SQLite builds for every platform).
/// </summary>
public sealed class ToolPackageTests(InstalledTool tool) : IClassFixture<InstalledTool>
{
    [Fact]
    public void Package_HoldsNoDatabaseFrameworkNorNativeSqlite()
    {
        // Act
        using var zip = ZipFile.OpenRead(tool.Package);
        var entries = zip.Entries.Select(static e => e.FullName).ToArray();

        // Assert
        Assert.Contains("tools/net10.0/any/iamgov.dll", entries);
        Assert.Contains("tools/net10.0/any/DotnetToolSettings.xml", entries);
        Assert.Contains("README.md", entries);
        string[] forbidden = ["EntityFrameworkCore", "Npgsql", "e_sqlite3", "Governance.Data"];
        var carried = entries.Where(e => forbidden.Any(f => e.Contains(f, StringComparison.OrdinalIgnoreCase))).ToArray();
        Assert.True(carried.Length == 0, "the package carries " + string.Join(", ", carried));
        Assert.DoesNotContain(entries, static e => e.Contains("/runtimes/", StringComparison.Ordinal) && e.Contains("sqlite", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Package_DeclaresTheToolAndItsMetadata()
    {
        // Act
        using var zip = ZipFile.OpenRead(tool.Package);
        using var nuspec = zip.GetEntry("iamgov.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(static e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        using var settings = zip.GetEntry("tools/net10.0/any/DotnetToolSettings.xml")!.Open();
        var command = XDocument.Load(settings).Descendants().Single(static e => e.Name.LocalName == "Command");

        // Assert
        Assert.Equal("iamgov", Value("id"));
        Assert.Equal("iamgov", command.Attribute("Name")?.Value);
        Assert.Equal("iamgov.dll", command.Attribute("EntryPoint")?.Value);
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        // The repository names no licence yet, so the package claims none (its owners choose one).
        Assert.Null(metadata.Descendants().FirstOrDefault(static e => e.Name.LocalName == "license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains(metadata.Descendants(), static e => e.Name.LocalName == "packageType" && e.Attribute("name")?.Value == "DotnetTool");
    }

    [Fact]
    public async Task Installed_Version_PrintsThePackagesVersion()
    {
        // Arrange
        using var zip = ZipFile.OpenRead(tool.Package);
        using var nuspec = zip.GetEntry("iamgov.nuspec")!.Open();
        var version = XDocument.Load(nuspec).Descendants().Single(static e => e.Name.LocalName == "version").Value;

        // Act
        var (code, stdout, stderr) = await tool.RunAsync(Path.GetTempPath(), "--version");

        // Assert
        Assert.True(code == 0, stderr);
        Assert.StartsWith(version, stdout.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_ValidateGuardrails_ExitsZeroNamingTheFiles()
    {
        // Act
        var (code, stdout, stderr) = await tool.RunAsync(RepositoryPaths.Root, "validate", Path.Combine(RepositoryPaths.Policies, "guardrails"));

        // Assert
        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
        Assert.Contains("files validated", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_ValidateBrokenPolicy_ExitsOne()
    {
        // Arrange: the tool's answer must come from the installed package's engine, not only its exit 0.
        var broken = Path.Combine(Path.GetDirectoryName(tool.Package)!, "broken-policy.json");
        await File.WriteAllTextAsync(broken, """{"Version":"2012-10-17","Statement":[{"Effect":"Allw","Action":"s3:GetObject","Resource":"*"}]}""");

        // Act
        var (code, stdout, _) = await tool.RunAsync(Path.GetTempPath(), "validate", broken);

        // Assert
        Assert.Equal(1, code);
        Assert.Contains("Allw", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Installed_AuditLogVerifyDatabase_ReadsTheServicesSqliteThroughTheSystemLibrary()
    {
        // Arrange: a database the service's own code wrote, read by the tool, which carries no SQLite of its own.
        await using var trail = await SignedAuditTrail.CreateAsync(120, unsigned: 3);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        // Act
        var (code, stdout, stderr) = await tool.RunAsync(trail.Folder, "audit-log", "verify", "--database", trail.Database,
            "--checkpoints", trail.Checkpoints, "--public-key", trail.PublicKey);

        // Assert
        Assert.True(code == 0, $"exit {code}: {stdout}{stderr}");
        Assert.StartsWith("valid: 123 events, 2 checkpoints verified", stdout, StringComparison.Ordinal);
        Assert.Contains("append-only triggers intact", stdout, StringComparison.Ordinal);
    }
}
