using System.Text.Json;
using System.Text.RegularExpressions;
using Governance.Core.Hosting;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Api.Tests.Deployment;

/// <summary>
/// deploy/appsettings.Production.json, the example for PostgreSQL, OIDC and AWS: it binds to the service's options and
/// passes the checks the service runs at start once the secrets arrive from the environment, and holds no secret itself.
/// </summary>
public sealed partial class ProductionSettingsTests : IDisposable
{
    private static readonly string SettingsFile = Path.Combine(RepositoryPaths.Root, "deploy", "appsettings.Production.json");

    /// <summary>The secrets the README says come from environment variables, as configuration reads them.</summary>
    private static readonly Dictionary<string, string?> SecretsFromEnvironment = new()
    {
        ["Governance:Database:ConnectionString"] = "Host=db.example.com;Database=iamgov;Username=iamgov;Password=from-the-environment",
        ["Governance:Console:ClientSecret"] = "from-the-environment",
    };

    private readonly TempFolder _data = TempFolder.Create();

    [Fact]
    public void With_the_secrets_from_the_environment_the_settings_pass_the_service_start_checks()
    {
        var configuration = Configuration(SecretsFromEnvironment);
        var services = new ServiceCollection();
        // The domain's composition root checks the options as it composes (and throws), then ValidateOnStart's validators run.
        services.AddGovernanceCore(configuration);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<GovernanceOptions>>().Value;
        Assert.Equal(DatabaseProvider.Postgres, options.Database.Provider);
        Assert.StartsWith("https://", options.Auth.Authority, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(options.Console.ClientId));
        Assert.True(options.Aws.Sts.Enabled);
        var aws = AwsIntegrationOptions.Read(key => configuration[key]);
        Assert.Equal(ProvisioningMode.Aws, aws.Provisioning);
        Assert.Equal(AccountSource.Aws, aws.Organization);
    }

    [Fact]
    public void Without_the_connection_string_from_the_environment_the_start_names_it()
    {
        var missing = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddGovernanceCore(Configuration([])));
        Assert.Contains(missing.Failures, f => f.Contains("Governance:Database:ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void The_file_holds_no_secret()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SettingsFile));
        var leaves = new List<(string Path, string Value)>();
        Collect(document.RootElement, "", leaves);
        Assert.NotEmpty(leaves);
        foreach (var (path, value) in leaves)
        {
            Assert.False(SecretKey().IsMatch(path[(path.LastIndexOf(':') + 1)..]), $"{path} names a secret; it belongs in the environment");
            Assert.False(SecretValue().IsMatch(value), $"{path} looks like it holds a credential: `{value}`");
        }
    }

    public void Dispose() => _data.Dispose();

    /// <summary>The file as the service reads it, the data folder moved to a temp folder, then <paramref name="environment"/> over it.</summary>
    private IConfiguration Configuration(Dictionary<string, string?> environment)
        => new ConfigurationBuilder()
            .AddJsonFile(SettingsFile)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Governance:DataDirectory"] = _data.Path,
                ["Governance:PoliciesDirectory"] = RepositoryPaths.Policies,
            })
            .AddInMemoryCollection(environment)
            .Build();

    private static void Collect(JsonElement element, string path, List<(string, string)> leaves)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, path.Length == 0 ? property.Name : $"{path}:{property.Name}", leaves);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}:{index++}", leaves);
                }
                break;
            default:
                leaves.Add((path, element.ToString()));
                break;
        }
    }

    [GeneratedRegex("(?i)secret|password|connectionstring|token|apikey|accesskey|privatekey")]
    private static partial Regex SecretKey();

    // A connection string's password, an access key id, a PEM block, credentials in a URL.
    [GeneratedRegex(@"(?i)password=|pwd=|AKIA[0-9A-Z]{16}|ASIA[0-9A-Z]{16}|-----BEGIN|://[^/@\s:]+:[^/@\s]+@")]
    private static partial Regex SecretValue();
}
