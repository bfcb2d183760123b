using Governance.Cli.Backup;
using Microsoft.Extensions.Configuration;

namespace Governance.Cli.Tests.Commands;

/// <summary>
/// <c>iamgov admin backup</c> and <c>restore</c> read the service's settings as it does; on PostgreSQL they copy nothing
/// and point to the database's own tools. (Backup and restore of a running service: Governance.Api.Tests/Operations.)
/// </summary>
public sealed class AdminStorageTests
{
    [Fact]
    public void BackupAndRestore_PostgresProvider_AreRefusedPointingToPgDump()
    {
        // Arrange: the service's settings as the environment would give them
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Governance:Database:Provider"] = "Postgres",
                ["Governance:Database:ConnectionString"] = "Host=db;Database=governance",
            })
            .Build();

        // Act
        var (storage, refusal) = ServiceStorage.Resolve(configuration, "data", Path.GetTempPath(), lookUpwards: false);

        // Assert
        Assert.Null(storage);
        Assert.Contains("pg_dump -Fc", refusal, StringComparison.Ordinal);
        Assert.Contains("pg_restore", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_CheckpointsConfiguredElsewhere_TakesThemFromTheSettings()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Governance:Audit:Checkpoints:Folder"] = "/srv/checkpoints",
                ["Governance:Audit:Checkpoints:KeyFile"] = "/etc/iamgov/checkpoint.pem",
            })
            .Build();

        // Act
        var (storage, refusal) = ServiceStorage.Resolve(configuration, "/var/lib/iamgov", "/", lookUpwards: false);

        // Assert
        Assert.Null(refusal);
        Assert.Equal("/var/lib/iamgov/governance.db", storage!.DatabaseFile);
        Assert.Equal("/srv/checkpoints/x.json", BackupLayout.Destination("audit-checkpoints/x.json", storage));
        Assert.Equal("/etc/iamgov/checkpoint.pem", BackupLayout.Destination("audit-checkpoint-key.pem", storage));
        Assert.Equal("/var/lib/iamgov/reports/r.json", BackupLayout.Destination("data/reports/r.json", storage));
        Assert.Null(BackupLayout.Destination("data/../../etc/passwd", storage));
    }
}
