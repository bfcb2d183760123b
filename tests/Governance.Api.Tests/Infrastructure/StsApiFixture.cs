using Amazon.Runtime;
using Amazon.SecurityToken;
using AwsReplay;
using AwsReplay.SigV4;
using Governance.Core.Infrastructure.Aws.Sts;
using Governance.Core.Workflow.Credentials;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TestSupport.Files;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The service on SQLite with credential vending on, its STS client signing with test keys and sending to a loopback
/// STS. The loopback STS answers <c>AssumeRole</c> with the API reference's published example, its expiration set to
/// the fake clock plus the session length asked, as STS would.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable",
    Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync, which disposes the factory, the replay and the data folder.")]
public sealed class StsApiFixture : IAsyncLifetime
{
    /// <summary>The STS client's signing region.</summary>
    public const string Region = "eu-west-1";

    /// <summary>The longest session the service asks for (the roles' maximum session duration).</summary>
    public const int MaxSessionSeconds = 3600;

    /// <summary>The keys the service's STS client signs with: AWS's documentation example, never valid anywhere.</summary>
    public static SigV4Credentials Keys => SigV4Credentials.Example;

    private readonly TempFolder _dataDirectory = TempFolder.Create();
    private GovernanceApiFactory? _factory;
    private ReplayServer? _sts;

    public string DataDirectory => _dataDirectory.Path;

    public GovernanceApiFactory Factory => _factory ?? throw new InvalidOperationException("fixture not started");

    public ReplayServer Sts => _sts ?? throw new InvalidOperationException("fixture not started");

    /// <summary>Every log message the service wrote, at every level.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    public async Task InitializeAsync()
    {
        _sts = await ReplayServer.StartAsync();
        _factory = new GovernanceApiFactory(TestDatabase.Sqlite(DataDirectory), DataDirectory, builder =>
        {
            builder.UseSetting(CredentialVendingOptions.EnabledKey, "true");
            builder.UseSetting(CredentialVendingOptions.MaxSessionSecondsKey, MaxSessionSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace));
            builder.ConfigureTestServices(services =>
            {
                services.RemoveAll<IRoleSessionIssuer>();
                services.AddSingleton<IRoleSessionIssuer>(_ => new StsRoleSessionIssuer(() => new AmazonSecurityTokenServiceClient(
                    new BasicAWSCredentials(Keys.AccessKeyId, Keys.SecretAccessKey),
                    new AmazonSecurityTokenServiceConfig { ServiceURL = Sts.Endpoint.ToString(), AuthenticationRegion = Region, MaxErrorRetry = 0 })));
            });
        });
        _sts.Handle(r => r.Action == "AssumeRole" && int.TryParse(r.Parameters.GetValueOrDefault("DurationSeconds"), out var seconds)
            ? StsResponses.AssumeRole(Factory.Time.GetUtcNow().AddSeconds(seconds))
            : null);
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
        if (_sts is not null)
        {
            await _sts.DisposeAsync();
        }
        _dataDirectory.Dispose();
    }
}
