using Governance.Api.Tests.Infrastructure;
using Governance.Core.AuditTrail.Checkpoints;
using Governance.Core.Infrastructure.Signing;
using TestSupport.Files;

namespace Governance.Api.Tests.Setup;

/// <summary>The service started as an operator starts it, as a process, with settings or files it must refuse.</summary>
/// <remarks>The file cases set POSIX modes; the service's own mode checks are POSIX only.</remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StartupFailureTests : IDisposable
{
    private readonly TempFolder _data = TempFolder.Reserve();

    public void Dispose()
    {
        // A folder a case made read-only must be writable again to be deleted.
        if (!OperatingSystem.IsWindows() && Directory.Exists(_data))
        {
            File.SetUnixFileMode(_data, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        _data.Dispose();
    }

    [Theory]
    [InlineData("Governance__Account__Source", "Aws", "Governance:Account:Source")]
    [InlineData("Governance__Provisioning__Mode", "Cloud", "`Cloud`")]
    [InlineData("Governance__AccountSnapshotSeed", "/nonexistent/account.json", "/nonexistent/account.json")]
    [InlineData("Governance__Database__Provider", "Postgres", "Governance:Database:ConnectionString is required")]
    [InlineData("Governance__Scheduler__DriftAudit__TimeZone", "Mars/Base", "`Mars/Base`")]
    [InlineData("Governance__Requests__PendingTtl", "-1.00:00:00", "Governance:Requests:PendingTtl must be positive")]
    [InlineData("Governance__Organization__Source", "Aws", "Governance:Organization:Source=Aws needs Governance:Provisioning:Mode=Aws")]
    [InlineData("Governance__OrganizationSnapshot", "/nonexistent/org", "/nonexistent/org")]
    [InlineData("Governance__Auth__Authority", "https://login.example.com/realms/governance", "Governance:Auth:Audience is required")]
    [InlineData("Governance__Auth__Authority", "http://login.example.com/", "Governance:Auth:Authority must be the https URL")]
    [InlineData("Governance__Auth__Authority", "login", "Governance:Auth:Authority must be the https URL")]
    [InlineData("Governance__Console__SessionMinutes", "0", "Governance:Console:SessionMinutes must be from 1 to 43200")]
    [InlineData("Governance__Audit__Checkpoints__EveryEvents", "0", "Governance:Audit:Checkpoints:EveryEvents must be from 1 to 10000")]
    [InlineData("Governance__Retention__DriftReports__KeepDays", "0", "Governance:Retention:DriftReports:KeepDays must be from 1 to 36500, not 0")]
    [InlineData("Governance__Retention__DriftReports__KeepAtLeast", "0", "Governance:Retention:DriftReports:KeepAtLeast must be from 1 to 100000")]
    [InlineData("Governance__Scheduler__Retention__TimeZone", "Mars/Base", "Governance:Scheduler:Retention:TimeZone: unknown time zone `Mars/Base`")]
    [InlineData("Governance__Audit__Checkpoints__KeyFile", "/nonexistent/checkpoint-key.pem", "`/nonexistent/checkpoint-key.pem` does not exist")]
    public async Task Start_SettingItMustRefuse_ExitsOneWithOneLineAndNoStackTrace(string variable, string value, string named)
    {
        // Act
        var result = await ApiProcess.RunToExitAsync(new Dictionary<string, string> { [variable] = value }, _data);

        // Assert
        AssertRefusedInOneLine(result, named);
    }

    [Theory]
    [InlineData("key not JSON", "is not a JWK")]
    [InlineData("key without k", "is not a JWK")]
    [InlineData("key not base64url", "is not a JWK")]
    [InlineData("key too short", "is not a JWK")]
    [InlineData("key readable by others", "chmod 600")]
    [InlineData("key a folder", "signing-key.json")]
    [InlineData("data path a file", "Governance:DataDirectory")]
    [InlineData("database not SQLite", "is not a SQLite database")]
    [InlineData("database a folder", "governance.db` is a folder")]
    [InlineData("database on a closed port", "cannot be opened or migrated")]
    [InlineData("checkpoint key readable by others", "audit-checkpoint-key.pem` is accessible by group or others")]
    [InlineData("checkpoint key not a key", "audit-checkpoint-key.pem` is not a PEM ECDSA P-256 private key")]
    [InlineData("checkpoint key a folder", "audit-checkpoint-key.pem` is a folder")]
    public async Task Start_FileItMustRefuse_ExitsOneWithOneLineNamingItAndNoStackTrace(string kind, string named)
    {
        // Arrange
        var environment = new Dictionary<string, string>();
        var key = Path.Combine(_data, LocalSigningKey.FileName);
        Directory.CreateDirectory(_data);
        switch (kind)
        {
            case "key not JSON": WriteOwnerOnly(key, "garbage"); break;
            case "key without k": WriteOwnerOnly(key, """{"kty":"oct"}"""); break;
            case "key not base64url": WriteOwnerOnly(key, """{"kty":"oct","k":"!!!!"}"""); break;
            case "key too short": WriteOwnerOnly(key, """{"kty":"oct","k":"AAAA"}"""); break;
            case "key readable by others":
                LocalSigningKey.LoadOrCreate(_data);
                File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                break;
            case "key a folder": Directory.CreateDirectory(key); break;
            case "data path a file":
                Directory.Delete(_data);
                File.WriteAllText(_data, "not a folder");
                break;
            case "database not SQLite": File.WriteAllText(Path.Combine(_data, "governance.db"), "these are not the pages of a database"); break;
            case "database a folder": Directory.CreateDirectory(Path.Combine(_data, "governance.db")); break;
            case "database on a closed port":
                environment["Governance__Database__Provider"] = "Postgres";
                environment["Governance__Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=governance;Username=iamgov;Password=secret;Timeout=3";
                break;
            case "checkpoint key readable by others":
                AuditCheckpointKeyFile.Load(Path.Combine(_data, AuditCheckpointKeyFile.DefaultFileName), create: true).Dispose();
                File.SetUnixFileMode(Path.Combine(_data, AuditCheckpointKeyFile.DefaultFileName),
                    UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
                break;
            case "checkpoint key not a key": WriteOwnerOnly(Path.Combine(_data, AuditCheckpointKeyFile.DefaultFileName), "garbage"); break;
            case "checkpoint key a folder": Directory.CreateDirectory(Path.Combine(_data, AuditCheckpointKeyFile.DefaultFileName)); break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        // Act
        var result = await ApiProcess.RunToExitAsync(environment, _data);
        if (File.Exists(_data))
        {
            File.Delete(_data);
        }

        // Assert
        AssertRefusedInOneLine(result, named);
        Assert.DoesNotContain("secret", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>What only a user whom file modes stop can see: as root, the API is started as <c>nobody</c>.</summary>
    [SkippableTheory]
    [InlineData("data folder read-only", "Governance:DataDirectory")]
    [InlineData("database read-only", "governance.db` cannot be opened for reading and writing")]
    [InlineData("key unreadable", "signing-key.json` cannot be read")]
    public async Task Start_FileThisUserCannotWrite_ExitsOneWithOneLineNamingIt(string kind, string named)
    {
        // Arrange
        Skip.If(OperatingSystem.IsWindows(), "file modes are POSIX");
        Skip.If(!ApiProcess.ModesApplyToThisUser && !File.Exists("/usr/bin/setpriv"), "running as root without setpriv: modes would not apply to the API");
        Directory.CreateDirectory(_data);
        switch (kind)
        {
            case "data folder read-only":
                File.SetUnixFileMode(_data, UnixFileMode.UserRead | UnixFileMode.UserExecute);
                break;
            case "database read-only":
                var database = Path.Combine(_data, "governance.db");
                File.Copy(await CreatedDatabaseAsync(), database);
                File.SetUnixFileMode(database, UnixFileMode.UserRead);
                break;
            case "key unreadable":
                LocalSigningKey.LoadOrCreate(_data);
                File.SetUnixFileMode(Path.Combine(_data, LocalSigningKey.FileName), UnixFileMode.UserWrite);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }

        // Act
        var result = await ApiProcess.RunToExitAsync(new Dictionary<string, string>(), _data, unprivileged: true);

        // Assert
        AssertRefusedInOneLine(result, named);
    }

    private static void AssertRefusedInOneLine((int ExitCode, string Stdout, string Stderr) result, string named)
    {
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}; stderr: {result.Stderr}");
        var line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Governance.Api: cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        File.WriteAllText(path, text);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    /// <summary>A real, migrated SQLite database, made by a start of the service in a folder of its own.</summary>
    private static async Task<string> CreatedDatabaseAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "iamgov-tests", $"db-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await using (var db = TestDatabase.Sqlite(folder).CreateContext())
        {
            await Governance.Core.Infrastructure.Data.GovernanceDatabase.MigrateAsync(db, CancellationToken.None);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Path.Combine(folder, "governance.db");
    }
}
