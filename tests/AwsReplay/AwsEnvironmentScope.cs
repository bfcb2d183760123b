using System.Collections;

namespace AwsReplay;

/// <summary>
/// Gives one test the <c>AWS_*</c> environment variables it names and nothing else of the machine's AWS setup, and
/// restores the environment when disposed: for code that reads the process environment itself, as the AWS SDK's
/// service clients do (code that takes a <c>Governance.Core.Infrastructure.Aws.AwsEnvironment</c> needs no such scope). The environment belongs to the process, so tests that use this run one at
/// a time: <see cref="SetAsync"/> waits until no other test holds it.
/// </summary>
/// <remarks>
/// <para>Every <c>AWS_*</c> variable not named is removed for the duration, and unless named: instance metadata is
/// disabled, and the shared config and credentials files are <see cref="ConfigFile"/> and <see cref="CredentialsFile"/>,
/// which hold one profile, <see cref="ProfileName"/>, and no <c>default</c>. So the SDK's default chains find only what
/// the test gave them (or <c>AWS_PROFILE=aws-replay</c>), and never try the network beyond loopback.</para>
/// <para>Keep those two paths: AWSSDK.Core keeps, for the life of the process, the shared files' paths it first read
/// and what it read from them, and does not notice a file created there later; fixed files that always exist are read
/// the same way in every test. Code that used the SDK before the scope was set may still hold the default paths:
/// <c>AWSConfigs.AWSProfilesLocation</c>, set from <c>AWS_SHARED_CREDENTIALS_FILE</c> in the change hook, points it back.</para>
/// </remarks>
public sealed class AwsEnvironmentScope : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    private readonly Dictionary<string, string?> _saved;
    private readonly Action? _onChange;
    private bool _disposed;

    private AwsEnvironmentScope(Dictionary<string, string?> saved, Action? onChange) => (_saved, _onChange) = (saved, onChange);

    /// <summary>The profile in <see cref="ConfigFile"/> and <see cref="CredentialsFile"/>.</summary>
    public const string ProfileName = "aws-replay";

    /// <summary>The region <see cref="ProfileName"/> names.</summary>
    public const string ProfileRegion = "eu-central-1";

    /// <summary>The access key id <see cref="ProfileName"/> holds (a test value).</summary>
    public const string ProfileAccessKeyId = "AKIAREPLAYPROFILE";

    /// <summary>The secret access key <see cref="ProfileName"/> holds (a test value).</summary>
    public const string ProfileSecretAccessKey = "replay/K7MDENG+bPxRfiCYEXAMPLEKEY";

    /// <summary>The shared config file the SDK reads during a test.</summary>
    public static string ConfigFile { get; } = Path.Combine(Path.GetTempPath(), "aws-replay", "config");

    /// <summary>The shared credentials file the SDK reads during a test.</summary>
    public static string CredentialsFile { get; } = Path.Combine(Path.GetTempPath(), "aws-replay", "credentials");

    /// <summary>Waits for the environment, then sets exactly <paramref name="variables"/> (null removes one).</summary>
    /// <param name="variables">The variables the test needs, such as <see cref="ReplayServer.EnvironmentVariables"/> gives.</param>
    /// <param name="onChange">Run after the variables are set and again after they are restored, still holding the
    /// environment: an AWS SDK caches what it read (AWSSDK.Core's fallback region, credentials and configuration
    /// factories have <c>Reset</c> methods), and this is where a test clears those caches.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<AwsEnvironmentScope> SetAsync(IReadOnlyDictionary<string, string?> variables, Action? onChange = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(variables);
        await Gate.WaitAsync(cancellationToken);
        var saved = new Dictionary<string, string?>(StringComparer.Ordinal);
        var set = false;
        try
        {
            WriteSharedFiles();
            var wanted = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["AWS_CONFIG_FILE"] = ConfigFile,
                ["AWS_SHARED_CREDENTIALS_FILE"] = CredentialsFile,
                ["AWS_EC2_METADATA_DISABLED"] = "true",
            };
            foreach (var (name, value) in variables)
                wanted[name] = value;
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string name && name.StartsWith("AWS_", StringComparison.Ordinal))
                    wanted.TryAdd(name, null);
            }
            foreach (var (name, value) in wanted)
            {
                saved[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }
            onChange?.Invoke();
            set = true;
            return new AwsEnvironmentScope(saved, onChange);
        }
        finally
        {
            if (!set)
            {
                Restore(saved);
                Gate.Release();
            }
        }
    }

    /// <summary>Puts every variable back as it was and lets the next test in.</summary>
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            try
            {
                Restore(_saved);
                _onChange?.Invoke();
            }
            finally
            {
                Gate.Release();
            }
        }
        return ValueTask.CompletedTask;
    }

    // Written only when missing or different, so that the files do not change under an SDK that has read them.
    private static void WriteSharedFiles()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(ConfigFile)!);
        WriteIfDifferent(ConfigFile, $"[profile {ProfileName}]\nregion = {ProfileRegion}\n");
        // The region is in both files: the AWS SDK for .NET reads a profile's region from the credentials file too.
        WriteIfDifferent(CredentialsFile,
            $"[{ProfileName}]\naws_access_key_id = {ProfileAccessKeyId}\naws_secret_access_key = {ProfileSecretAccessKey}\nregion = {ProfileRegion}\n");
    }

    private static void WriteIfDifferent(string path, string content)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != content)
            File.WriteAllText(path, content);
    }

    private static void Restore(Dictionary<string, string?> saved)
    {
        foreach (var (name, value) in saved)
            Environment.SetEnvironmentVariable(name, value);
    }
}
