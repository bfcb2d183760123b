using System.Text;
using AwsReplay;
using AwsReplay.Iam;
using AwsReplay.SigV4;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Jobs;
using Scheduler.Tests.Infrastructure;

namespace Scheduler.Tests.Jobs;

/// <summary>The account refresh from IAM, fired by the real scheduler on a fake clock against the loopback IAM.</summary>
public sealed class RefreshAccountJobTests : IAsyncLifetime
{
    private static readonly SigV4Credentials Keys = SigV4Credentials.Example;
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 14, 30, TimeSpan.Zero);

    private static readonly Dictionary<string, string?> LiveAccount = new()
    {
        ["Governance:Account:Source"] = "Aws",
        ["Governance:Provisioning:Mode"] = "Aws",
        ["Governance:Scheduler:ExpireGrants:Cron"] = "0 0 0 1 1 ? 2099", // keep the other jobs out of the way
        ["Governance:Scheduler:DriftAudit:Cron"] = "0 0 0 1 1 ? 2099",
        ["Governance:Scheduler:Retention:Cron"] = "0 0 0 1 1 ? 2099",
        ["Governance:Scheduler:AccountRefresh:Cron"] = "0 0/15 * * * ?",
    };

    private ReplayServer _iam = null!;

    public async Task InitializeAsync() => _iam = await ReplayServer.StartAsync();

    public async Task DisposeAsync() => await _iam.DisposeAsync();

    private Task<SchedulerHarness> StartAsync() => SchedulerHarness.StartAsync(Start, settings: LiveAccount, configure: UseReplay);

    private void UseReplay(IServiceCollection services, IConfiguration configuration)
    {
        services.AddAwsIntegration(AwsIntegrationOptions.Read(key => configuration[key]));
        services.RemoveAll<AwsEnvironment>();
        services.AddSingleton(AwsEnvironment.Of(_iam.EnvironmentVariables(Keys)));
    }

    [Fact]
    public async Task Execute_AtQuarterHour_ReplacesAccountCopyWithIamAccount()
    {
        // Arrange
        var (first, second) = IamSamples.AccountAuthorizationDetailsPages();
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(first, "page-1"));
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(second, "page-2"));
        await using var harness = await StartAsync();

        // Act
        var firing = await harness.FireAtAsync(new DateTimeOffset(2026, 11, 25, 10, 15, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(RefreshAccountJob.Key, firing.Job);
        Assert.Null(firing.Error);
        var copy = await harness.ReadCopyAsync();
        var principals = copy.Accounts.Principals.Select(static p => p.Arn).ToList();
        Assert.Contains("arn:aws:iam::123456789012:user/Bob", principals);
        Assert.Contains("arn:aws:iam::123456789012:role/EC2role", principals);
        Assert.DoesNotContain(SchedulerHarness.RoleArn, principals);
        Assert.Contains("\"UserName\": \"Elaine\"", Encoding.UTF8.GetString(copy.Files["authorization-details.json"]!.Value.Span), StringComparison.Ordinal);
        Assert.All(_iam.Requests, r =>
        {
            var verification = SigV4Verifier.Verify(r, Keys, "iam", "us-east-1", harness.Time.GetUtcNow());
            Assert.True(verification.IsValid, verification.ToString());
        });
    }

    [Fact]
    public async Task Execute_IamDenies_KeepsLastCopy()
    {
        // Arrange
        _iam.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.QueryError(403, "AccessDenied", "not authorized", "rid"));
        await using var harness = await StartAsync();
        var before = (await harness.ReadCopyAsync()).Version;

        // Act
        var firing = await harness.FireAtAsync(new DateTimeOffset(2026, 11, 25, 10, 15, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal(RefreshAccountJob.Key, firing.Job);
        Assert.Null(firing.Error);
        Assert.Single(_iam.Requests);
        var copy = await harness.ReadCopyAsync();
        Assert.Equal(before, copy.Version);
        Assert.Contains(SchedulerHarness.RoleArn, copy.Accounts.Principals.Select(static p => p.Arn));
    }
}
