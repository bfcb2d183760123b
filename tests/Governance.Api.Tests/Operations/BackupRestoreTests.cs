using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Api.Tests.Infrastructure;
using Governance.Cli;
using TestSupport.Files;
using Xunit.Abstractions;

namespace Governance.Api.Tests.Operations;

/// <summary>
/// <c>iamgov admin backup</c> run while the real service writes audit events, then <c>iamgov admin restore</c> into a
/// fresh folder and the service started on it: the chain verifies up to the backup's head, the data and the signing key
/// are there, and every file is its owner's alone.
/// </summary>
public sealed class BackupRestoreTests(ITestOutputHelper output) : IDisposable
{
    private const UnixFileMode GroupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly TempFolder _source = TempFolder.Create();
    private readonly TempFolder _backup = TempFolder.Create();
    private readonly TempFolder _restored = TempFolder.Create();

    private string BackupDir => Path.Combine(_backup.Path, "backup");

    private string RestoredDir => Path.Combine(_restored.Path, "data");

    public void Dispose()
    {
        _source.Dispose();
        _backup.Dispose();
        _restored.Dispose();
    }

    [Fact]
    public async Task Backup_WhileRequestsAreSubmitted_RestoresAServiceWithTheChainTheDataAndTheKey()
    {
        // Arrange: the service, a token minted now, a signed checkpoint, and a loop submitting requests
        await using var service = new GovernanceApiFactory(TestDatabase.Sqlite(_source.Path), _source.Path);
        var tokenBeforeBackup = TestTokens.Valid(service.SigningKey, "carol", "admin", "approver");
        using var admin = service.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenBeforeBackup);
        var alice = service.ClientFor("alice", "engineer");
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(alice)).Status);
        (await admin.PostAsync("/v1/audit/checkpoints", null)).EnsureSuccessStatusCode();
        var publicKey = (await admin.GetFromJsonAsync<JsonElement>("/v1/audit/public-key")).GetProperty("pem").GetString()!;
        var acknowledged = new ConcurrentBag<Guid>();
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (status, id) = await SubmitAsync(alice);
                Assert.Equal(HttpStatusCode.OK, status);
                acknowledged.Add(id);
            }
        });
        while (acknowledged.Count < 3)
        {
            await Task.Delay(20);
        }

        // Act: the backup while the loop writes, then the restore into a fresh folder
        var beforeBackup = acknowledged.ToArray();
        var backup = await Task.Run(() => Run("admin", "backup", "--to", BackupDir, "--data-dir", _source.Path));
        var countAtBackupEnd = acknowledged.Count;
        while (acknowledged.Count < countAtBackupEnd + 2)
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await loop;
        var restore = Run("admin", "restore", "--from", BackupDir, "--data-dir", RestoredDir);

        // Assert: both ran, and every file written is owner-only
        Assert.True(backup.Exit == 0, backup.Stderr);
        Assert.True(restore.Exit == 0, restore.Stderr);
        AssertOwnerOnly(BackupDir);
        AssertOwnerOnly(RestoredDir);
        var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(BackupDir, "manifest.json"))).RootElement;
        var head = manifest.GetProperty("auditHead").GetProperty("sequence").GetInt64();
        output.WriteLine($"{beforeBackup.Length} requests before the backup, {countAtBackupEnd} at its end, {acknowledged.Count} in all; audit head {head}; {backup.Stdout}");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$", manifest.GetProperty("createdAt").GetString());
        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), static f => f.GetProperty("path").GetString() == "data/signing-key.json");
        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), static f => f.GetProperty("path").GetString() == "audit-checkpoint-key.pem");
        Assert.Contains(manifest.GetProperty("files").EnumerateArray(), static f => f.GetProperty("path").GetString()!.StartsWith("audit-checkpoints/", StringComparison.Ordinal));

        // The restored chain, offline, before the service touches it: exactly the backup's head, signed checkpoints intact
        var keyFile = Path.Combine(_restored.Path, "public.pem");
        await File.WriteAllTextAsync(keyFile, publicKey);
        var verified = Run("audit-log", "verify", "--database", Path.Combine(RestoredDir, "governance.db"),
            "--checkpoints", Path.Combine(RestoredDir, "audit-checkpoints"), "--public-key", keyFile, "-o", "json");
        Assert.True(verified.Exit == 0, verified.Stdout + verified.Stderr);
        var offline = JsonDocument.Parse(verified.Stdout).RootElement;
        Assert.Equal(head, offline.GetProperty("events").GetInt64());
        Assert.Equal(manifest.GetProperty("auditHead").GetProperty("hash").GetString(), offline.GetProperty("headHash").GetString());
        Assert.True(offline.GetProperty("checkpointsVerified").GetInt32() >= 1);

        // The service started on the restored folder: the old token is accepted, the chain verifies, the data is there
        await using var restored = new GovernanceApiFactory(TestDatabase.Sqlite(RestoredDir), RestoredDir);
        using var restoredAdmin = restored.CreateClient();
        restoredAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokenBeforeBackup);
        var verify = await restoredAdmin.GetAsync("/v1/audit/verify");
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var online = await verify.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(online.GetProperty("valid").GetBoolean(), online.ToString());
        Assert.True(online.GetProperty("events").GetInt64() >= head);
        foreach (var id in beforeBackup)
        {
            Assert.Equal(HttpStatusCode.OK, (await restoredAdmin.GetAsync($"/v1/access-requests/{id}")).StatusCode);
        }
        var after = acknowledged.Except(beforeBackup).ToArray();
        var restoredLater = 0;
        foreach (var id in after)
        {
            restoredLater += (await restoredAdmin.GetAsync($"/v1/access-requests/{id}")).StatusCode == HttpStatusCode.OK ? 1 : 0;
        }
        // Requests acknowledged after the backup ended cannot be in it; some at least were.
        Assert.True(restoredLater < after.Length, $"{restoredLater} of {after.Length} later requests found in the backup");
    }

    [Fact]
    public async Task Restore_BackupWithAChangedFile_ExitsTwoNamingItAndWritesNothing()
    {
        // Arrange
        await BackUpAsync();
        var key = Path.Combine(BackupDir, "data", "signing-key.json");
        var bytes = await File.ReadAllBytesAsync(key);
        bytes[^2] ^= 1;
        await File.WriteAllBytesAsync(key, bytes);

        // Act
        var restore = Run("admin", "restore", "--from", BackupDir, "--data-dir", RestoredDir);

        // Assert
        Assert.Equal(2, restore.Exit);
        var line = Assert.Single(restore.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains("does not match the manifest", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(RestoredDir));
    }

    [Fact]
    public async Task BackupAndRestore_IntoFoldersThatAreNotEmpty_AreRefusedUnlessForced()
    {
        // Arrange
        await BackUpAsync();
        Directory.CreateDirectory(RestoredDir);
        var existing = Path.Combine(RestoredDir, "governance.db");
        await File.WriteAllTextAsync(existing, "older");

        // Act
        var backupAgain = Run("admin", "backup", "--to", BackupDir, "--data-dir", _source.Path);
        var restore = Run("admin", "restore", "--from", BackupDir, "--data-dir", RestoredDir);
        var unchanged = await File.ReadAllTextAsync(existing);
        var forced = Run("admin", "restore", "--from", BackupDir, "--data-dir", RestoredDir, "--force");

        // Assert
        Assert.Equal(2, backupAgain.Exit);
        Assert.Contains("is not empty", backupAgain.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, restore.Exit);
        Assert.Contains("--force", restore.Stderr, StringComparison.Ordinal);
        Assert.Equal("older", unchanged);
        Assert.True(forced.Exit == 0, forced.Stderr);
        Assert.Equal(BackupManifestSha(Path.Combine(BackupDir, "governance.db")), BackupManifestSha(existing));
        Assert.Empty(Directory.GetDirectories(RestoredDir, ".restore-*"));
    }

    private async Task BackUpAsync()
    {
        await using var service = new GovernanceApiFactory(TestDatabase.Sqlite(_source.Path), _source.Path);
        Assert.Equal(HttpStatusCode.OK, (await SubmitAsync(service.ClientFor("alice", "engineer"))).Status);
        var backup = Run("admin", "backup", "--to", BackupDir, "--data-dir", _source.Path);
        Assert.True(backup.Exit == 0, backup.Stderr);
    }

    private static string BackupManifestSha(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task<(HttpStatusCode Status, Guid Id)> SubmitAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/v1/access-requests", new
        {
            permissionSet = "lake-write", resources = new[] { "arn:aws:s3:::lake-backup/*" }, targetRole = "data-engineer",
            justification = "backup test", durationHours = 1,
        });
        if (!response.IsSuccessStatusCode)
        {
            return (response.StatusCode, Guid.Empty);
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (HttpStatusCode.OK, body.GetProperty("id").GetGuid());
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static void AssertOwnerOnly(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(folder) & GroupOrOthers);
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories))
        {
            Assert.True((File.GetUnixFileMode(entry) & GroupOrOthers) == UnixFileMode.None, $"{entry}: {File.GetUnixFileMode(entry)}");
        }
    }
}
