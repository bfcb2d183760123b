using AwsReplay;
using AwsReplay.Organizations;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Crawl;
using Governance.Core.Infrastructure.Data;
using Governance.Core.OrganizationCopy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TestSupport.Files;
using static AwsReplay.Organizations.ExampleOrganization;

namespace Governance.Core.Tests.Infrastructure.Aws.Crawl;

/// <summary>
/// The organisation copy read from AWS (<c>Governance:Organization:Source=Aws</c>): the crawl on the loopback replay of
/// the services' documented responses, written into the copy in a real SQLite database.
/// </summary>
public sealed class LiveOrganizationRefresherTests : IAsyncLifetime
{
    private readonly TempFolder _data = TempFolder.Create();
    private ReplayServer _server = null!;
    private OrganizationReplay _organization = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayServer.StartAsync();
        _organization = ExampleOrganization.Create();
        _organization.Install(_server);
        _services = new ServiceCollection()
            .AddGovernanceDatabase(DatabaseProvider.Sqlite, GovernanceDatabase.SqliteConnectionString(_data.Path))
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await GovernanceDatabase.MigrateAsync(scope.ServiceProvider.GetRequiredService<GovernanceDbContext>(), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _data.Dispose();
    }

    private (LiveOrganizationRefresher Refresher, OrganizationStore Store) Node(IReadOnlyDictionary<string, string>? environment = null)
    {
        var store = new OrganizationStore(_services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        var options = AwsIntegrationOptions.Read(key => key switch
        {
            AwsIntegrationOptions.OrganizationKey => "Aws",
            AwsIntegrationOptions.ProvisioningKey => "Aws",
            _ => null,
        });
        var refresher = new LiveOrganizationRefresher(store, options,
            AwsEnvironment.Of(environment ?? _organization.EnvironmentVariables(_server)), TimeProvider.System);
        return (refresher, store);
    }

    [Fact]
    public async Task LoadAtStartAsync_EmptyCopy_ReadsTheOrganisationAsTheFirstVersion()
    {
        var (refresher, store) = Node();

        var read = await refresher.LoadAtStartAsync(CancellationToken.None);

        Assert.True(read.Success, read.Description);
        Assert.True(read.FirstStart);
        var copy = await store.CurrentAsync(CancellationToken.None);
        Assert.Equal(1, copy.Version);
        Assert.Equal(OrganizationId, copy.Snapshot.Organization!.Id);
        Assert.Equal(new[] { Management, Producer, Consumer }.Order(StringComparer.Ordinal), copy.Snapshot.Contents.Select(static c => c.AccountId));
        Assert.Contains("arn:aws:iam::333333333333:role/data-engineer", copy.Accounts.Principals.Select(static p => p.Arn));
    }

    [Fact]
    public async Task RefreshAsync_MemberAccountUnreadableThisTime_KeepsItsLastFilesAndSaysSo()
    {
        // Arrange: a first read of the whole organisation, then the consumer's role refuses to be assumed
        var (refresher, store) = Node();
        await refresher.LoadAtStartAsync(CancellationToken.None);
        var before = await store.CurrentAsync(CancellationToken.None);
        _organization.AssumeRoleDenied.Add(Consumer);

        // Act
        var read = await refresher.RefreshAsync(CancellationToken.None);

        // Assert: the consumer's IAM is still answered from, from the last version, and the description names it
        Assert.True(read.Success, read.Description);
        Assert.False(read.FirstStart);
        Assert.Contains($"account {Consumer}", read.Description, StringComparison.Ordinal);
        Assert.Contains("kept", read.Description, StringComparison.Ordinal);
        var after = await store.CurrentAsync(CancellationToken.None);
        Assert.Equal(before.Version, after.Version); // the same files: no new version
        Assert.Contains("arn:aws:iam::333333333333:role/data-engineer", after.Accounts.Principals.Select(static p => p.Arn));
    }

    [Fact]
    public async Task LoadAtStartAsync_NoCredentials_FailsTheFirstStartInOneLine()
    {
        var environment = _organization.EnvironmentVariables(_server)
            .Where(static e => !e.Key.StartsWith("AWS_ACCESS_KEY", StringComparison.Ordinal) && !e.Key.StartsWith("AWS_SECRET", StringComparison.Ordinal)
                && e.Key != "AWS_SESSION_TOKEN")
            .ToDictionary(static e => e.Key, static e => e.Value);
        var (refresher, store) = Node(environment);

        var read = await refresher.LoadAtStartAsync(CancellationToken.None);

        Assert.False(read.Success);
        Assert.True(read.FirstStart);
        Assert.StartsWith($"{AwsIntegrationOptions.OrganizationKey}=Aws: the organisation could not be read", read.Description, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', read.Description);
        Assert.Null(await store.TryCurrentAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("Aws", "Aws", "Aws", "exclude each other")]
    [InlineData("Snapshot", "Snapshot", "Aws", "needs Governance:Provisioning:Mode=Aws")]
    [InlineData("Snapshot", "Aws", "Sideways", "is not one of")]
    public void Read_OrganizationSourceThatCannotWork_IsRefusedWithTheReason(string account, string provisioning, string organization, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => AwsIntegrationOptions.Read(key => key switch
        {
            AwsIntegrationOptions.AccountKey => account,
            AwsIntegrationOptions.ProvisioningKey => provisioning,
            AwsIntegrationOptions.OrganizationKey => organization,
            _ => null,
        }));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
