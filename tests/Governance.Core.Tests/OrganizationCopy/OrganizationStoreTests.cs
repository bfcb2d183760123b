using System.Text;
using System.Text.Json.Nodes;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Core.Tests.OrganizationCopy;

/// <summary>The organisation copy in a real SQLite database, with several stores on it standing for several nodes.</summary>
public sealed class OrganizationStoreTests : IAsyncLifetime
{
    private const string Consumer = "111122223333";
    private static readonly string DemoOrganization = Path.Combine(RepositoryPaths.Policies, "demo-org");

    private readonly TempFolder _data = TempFolder.Create();
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddGovernanceDatabase(DatabaseProvider.Sqlite, GovernanceDatabase.SqliteConnectionString(_data.Path))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await GovernanceDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private OrganizationStore NewNode() => new(_services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);

    private static Task<OrganizationFiles> Demo(CancellationToken _) => Task.FromResult(OrganizationFiles.FromFolder(DemoOrganization));

    private static Func<JsonObject, bool> AddInlinePolicy(string role, string name) => root =>
    {
        var entry = root["RoleDetailList"]!.AsArray().OfType<JsonObject>().Single(r => (string?)r["RoleName"] == role);
        var list = entry["RolePolicyList"] as JsonArray ?? [];
        entry["RolePolicyList"] = list;
        list.Add(new JsonObject
        {
            ["PolicyName"] = name,
            ["PolicyDocument"] = JsonNode.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"""),
        });
        return true;
    };

    private async Task<T> WithDbAsync<T>(Func<GovernanceDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>());
    }

    private async Task<OrganizationState?> UpdateAsync(OrganizationStore store, Func<JsonObject, bool> change, string reason = "test")
        => await WithDbAsync(db => store.UpdateAccountIamAsync(db, Consumer, change, reason, CancellationToken.None));

    [Fact]
    public async Task SeedAsync_ManyNodesAtOnce_SeedOnce()
    {
        // Arrange
        var nodes = Enumerable.Range(0, 6).Select(_ => NewNode()).ToArray();

        // Act
        var results = await Task.WhenAll(nodes.Select(n => n.SeedAsync(Demo, "seed", CancellationToken.None)));

        // Assert
        Assert.Equal(1, results.Count(static r => r.Seeded));
        Assert.All(results, static r => Assert.Equal(1, r.State.Version));
        Assert.Equal(1, await WithDbAsync(static db => db.OrganizationVersions.CountAsync()));
        Assert.Equal(4, (await nodes[0].CurrentAsync(CancellationToken.None)).Snapshot.Contents.Length);
    }

    [Fact]
    public async Task CurrentAsync_EmptyCopy_SaysItIsEmpty()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => NewNode().CurrentAsync(CancellationToken.None));
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
        Assert.Null(await NewNode().TryCurrentAsync(CancellationToken.None));
    }

    [Fact]
    public async Task UpdateAccountIamAsync_OnOneNode_OtherNodeReadsItAtItsNextQuestion()
    {
        // Arrange
        var a = NewNode();
        var b = NewNode();
        await a.SeedAsync(Demo, "seed", CancellationToken.None);
        var beforeOnB = await b.CurrentAsync(CancellationToken.None);

        // Act
        var written = await UpdateAsync(a, AddInlinePolicy("data-engineer", "grant-x"), "grant x provisioned");
        var afterOnB = await b.CurrentAsync(CancellationToken.None);

        // Assert
        Assert.Equal(2, written!.Version);
        Assert.Equal(1, beforeOnB.Version);
        Assert.Equal(2, afterOnB.Version);
        Assert.Equal("grant x provisioned", afterOnB.Reason);
        var role = afterOnB.Accounts.Principals.Single(static p => p.Arn == "arn:aws:iam::111122223333:role/data-engineer");
        Assert.Contains(role.IdentityPolicies, static p => p.Name == "grant-x");
        // Only the consumer's IAM changed: one new document, the other files shared with version 1.
        var documents = await WithDbAsync(static db => db.OrganizationDocuments.CountAsync());
        Assert.Equal(OrganizationFiles.FromFolder(DemoOrganization).Count + 1, documents);
    }

    [Fact]
    public async Task UpdateAccountIamAsync_UnknownAccount_ReturnsNullAndWritesNothing()
    {
        var store = NewNode();
        await store.SeedAsync(Demo, "seed", CancellationToken.None);

        var result = await WithDbAsync(db => store.UpdateAccountIamAsync(db, "999999999999", static _ => true, "x", CancellationToken.None));

        Assert.Null(result);
        Assert.Equal(1, await WithDbAsync(static db => db.OrganizationVersions.CountAsync()));
    }

    [Fact]
    public async Task UpdateAccountIamAsync_ChangeLeavesUnreadableIam_IsRefusedAndNothingWritten()
    {
        var store = NewNode();
        await store.SeedAsync(Demo, "seed", CancellationToken.None);

        await Assert.ThrowsAsync<InvalidDataException>(() => UpdateAsync(store, static root => { root["RoleDetailList"] = "not a list"; return true; }));

        Assert.Equal(1, (await NewNode().CurrentAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task UpdateAccountIamAsync_InsideATransactionRolledBack_LeavesNoTraceOnAnyNode()
    {
        // Arrange: a workflow that changes the copy inside its own write transaction, then fails before committing
        var store = NewNode();
        await store.SeedAsync(Demo, "seed", CancellationToken.None);

        // Act
        await WithDbAsync(async db =>
        {
            await using var transaction = await db.BeginWriteAsync(CancellationToken.None);
            await store.UpdateAccountIamAsync(db, Consumer, AddInlinePolicy("data-engineer", "phantom"), "rolled back", CancellationToken.None);
            await transaction.RollbackAsync();
            return 0;
        });
        var next = await UpdateAsync(store, AddInlinePolicy("data-engineer", "real"), "committed");
        var read = await NewNode().CurrentAsync(CancellationToken.None);
        var held = await store.CurrentAsync(CancellationToken.None);

        // Assert: version 2 is the committed change on every node, never the rolled-back one
        Assert.Equal(2, next!.Version);
        foreach (var state in new[] { read, held })
        {
            Assert.Equal(2, state.Version);
            var policies = state.Accounts.Principals.Single(static p => p.Arn.EndsWith(":role/data-engineer", StringComparison.Ordinal)).IdentityPolicies;
            Assert.Contains(policies, static p => p.Name == "real");
            Assert.DoesNotContain(policies, static p => p.Name == "phantom");
        }
    }

    [Fact]
    public async Task ReplaceAsync_SameFiles_WritesNoVersion()
    {
        var store = NewNode();
        await store.SeedAsync(Demo, "seed", CancellationToken.None);

        var state = await store.ReplaceAsync(OrganizationFiles.FromFolder(DemoOrganization), "refresh", CancellationToken.None);

        Assert.Equal(1, state.Version);
    }

    [Fact]
    public async Task CurrentAsync_DocumentChangedInTheDatabase_IsRefused()
    {
        // Arrange: someone with write access to the database swaps the consumer's IAM for another document
        var store = NewNode();
        var seeded = (await store.SeedAsync(Demo, "seed", CancellationToken.None)).State;
        var hash = OrganizationStore.HashOf(seeded.Files[seeded.IamFileOf(Consumer)!]!.Value.Span);
        var forged = await WithDbAsync(static db => db.OrganizationDocuments.AsNoTracking().FirstAsync());
        await WithDbAsync(db => db.OrganizationDocuments.Where(d => d.Hash == hash)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Content, forged.Content)));

        // Act
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => NewNode().CurrentAsync(CancellationToken.None));

        // Assert
        Assert.Contains(hash, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match its hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_BeyondTheKeptVersions_DropOldVersionsAndTheDocumentsOnlyTheyHeld()
    {
        // Arrange
        var store = NewNode();
        await store.SeedAsync(Demo, "seed", CancellationToken.None);

        // Act: each change adds a policy of its own, so each version's consumer IAM is a new document
        for (var i = 0; i < OrganizationStore.KeptVersions + 9; i++)
        {
            await UpdateAsync(store, AddInlinePolicy("data-engineer", $"p{i}"));
        }

        // Assert: version 110 pruned down to the newest 100, and only their documents remain
        var versions = await WithDbAsync(static db => db.OrganizationVersions.Select(static v => v.Version).ToListAsync());
        Assert.Equal(OrganizationStore.KeptVersions, versions.Count);
        Assert.Equal(11, versions.Min());
        var documents = await WithDbAsync(static db => db.OrganizationDocuments.CountAsync());
        var unchanged = OrganizationFiles.FromFolder(DemoOrganization).Count - 1;
        Assert.Equal(unchanged + OrganizationStore.KeptVersions, documents);
        var current = await NewNode().CurrentAsync(CancellationToken.None);
        Assert.Equal(110, current.Version);
    }

    [Fact]
    public async Task SeedAsync_SingleAccountExport_IsAnOrganisationOfOneWithResourcePoliciesUnknown()
    {
        var store = NewNode();
        var export = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.Policies, "demo-account.json"));

        var (state, _) = await store.SeedAsync(
            _ => Task.FromResult(OrganizationFiles.Empty.With(OrganizationSnapshotReader.AuthorizationDetailsFileName, export)), "seed", CancellationToken.None);
        var updated = await UpdateAsync(store, AddInlinePolicy("data-engineer", "grant-y"));

        Assert.False(state.Snapshot.ResourcePoliciesKnown);
        Assert.Equal(OrganizationSnapshotReader.AuthorizationDetailsFileName, state.IamFileOf(Consumer));
        Assert.Contains("grant-y", Encoding.UTF8.GetString(updated!.Files[OrganizationSnapshotReader.AuthorizationDetailsFileName]!.Value.Span),
            StringComparison.Ordinal);
    }
}
