using AwsReplay;
using AwsReplay.SigV4;
using Governance.Api.Tests.Console.Infrastructure.Oidc;
using TestSupport.Databases;

namespace Governance.Api.Tests.Infrastructure.Logs;

/// <summary>The secrets the test project makes once, as constants or from its environment; the rest are registered where they are made.</summary>
/// <remarks>
/// Registered where made: each minted JWT (<see cref="TestTokens"/>), each service's signing key
/// (<see cref="GovernanceApiFactory.SigningKey"/>). The replays' per-account secret keys all contain
/// <c>K7MDENG+bPxRfiCY</c>, so that part stands for every one of them.
/// </remarks>
internal static class KnownTestSecrets
{
    public static SecretScanningLoggerProvider AddTo(SecretScanningLoggerProvider sink)
    {
        sink.AddSecret(SigV4Credentials.Example.SecretAccessKey, "the replay's AWS secret key");
        sink.AddSecret(SigV4Credentials.Example.SessionToken, "the replay's AWS session token");
        sink.AddSecret(AwsEnvironmentScope.ProfileSecretAccessKey, "the profile's AWS secret key");
        sink.AddSecret("K7MDENG+bPxRfiCY", "a replay account's AWS secret key");
        sink.AddSecret("K7MDENG/bPxRfiCY", "the published example's AWS secret key");
        sink.AddSecret("IQoJb3JpZ2luX2Vj", "an AWS session token");
        sink.AddSecret("AQoDYXdzEPT//////////wEXAMPLE", "the published example's AWS session token");
        sink.AddSecret(WebhookFixture.Secret, "a webhook secret");
        sink.AddSecret(WebhookFixture.DownSecret, "a webhook secret");
        sink.AddSecret(TestOidcProvider.ClientSecret, "the console's OIDC client secret");
        if (Environment.GetEnvironmentVariable(TestPostgres.Variable) is { Length: > 0 } server)
        {
            sink.AddSecret(new Npgsql.NpgsqlConnectionStringBuilder(server).Password, "the PostgreSQL password");
        }
        return sink;
    }
}
