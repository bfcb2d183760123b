using AwsReplay;
using AwsReplay.Iam;
using AwsReplay.SigV4;
using Governance.Core.AuditTrail;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Provisioning;
using Governance.Core.Workflow;
using Governance.Core.Workflow.Grants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scheduler.Jobs;
using Scheduler.Tests.Infrastructure;

namespace Scheduler.Tests.Jobs;

/// <summary>Grant expiry with Provisioning:Mode=Aws: the policy is deleted from IAM and the audit event carries the request id.</summary>
public sealed class ExpireGrantsJobAwsTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 10, TimeSpan.Zero);

    private ReplayServer _iam = null!;
    private FakeIamRoles _roles = null!;

    public async Task InitializeAsync()
    {
        _iam = await ReplayServer.StartAsync();
        _roles = new FakeIamRoles(_iam);
    }

    public async Task DisposeAsync() => await _iam.DisposeAsync();

    private Task<SchedulerHarness> StartAsync() => SchedulerHarness.StartAsync(Start,
        settings: new Dictionary<string, string?> { ["Governance:Provisioning:Mode"] = "Aws" },
        configure: (services, configuration) =>
        {
            services.AddAwsIntegration(AwsIntegrationOptions.Read(key => configuration[key]));
            // As AddGovernanceCore chooses it for Governance:Provisioning:Mode=Aws; registered last, it is the one resolved.
            services.AddSingleton<IGrantProvisioner, AwsGrantProvisioner>();
            services.RemoveAll<AwsEnvironment>();
            services.AddSingleton(AwsEnvironment.Of(_iam.EnvironmentVariables(SigV4Credentials.Example)));
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Execute_GrantWindowEnds_DeletesPolicyInIamAndRecordsRequestId(bool policyStillThere)
    {
        // Arrange: the grant's policy in IAM, or already deleted by someone else
        await using var harness = await StartAsync();
        var grant = await harness.GrantAsync(Start.AddHours(-1), Start.AddSeconds(20));
        _roles.AddRole("data-engineer", policyStillThere ? new Dictionary<string, string> { [grant.PolicyName] = grant.PolicyDocument } : null);

        // Act
        var firing = await harness.FireAtAsync(Start.AddSeconds(50));

        // Assert
        Assert.Equal(ExpireGrantsJob.Key, firing.Job);
        Assert.Null(firing.Error);
        Assert.Empty(_roles.PoliciesOf("data-engineer"));
        await using var db = harness.CreateContext();
        Assert.Equal(GrantStatus.Expired, (await db.Grants.SingleAsync(g => g.Id == grant.Id)).Status);
        var expired = await db.AuditEvents.SingleAsync(e => e.GrantId == grant.Id && e.Action == AuditActions.GrantExpired);
        Assert.Contains($"\"awsRequestIds\":[\"{_roles.IssuedRequestIds.Single()}\"]", expired.After, StringComparison.Ordinal);
    }
}
