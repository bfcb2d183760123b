using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Governance.Api.Tests.Infrastructure.Logs;

/// <summary>
/// A log sink that reads every line it is given, with its scopes and exception, for the secrets the tests created and
/// for the shapes of secrets (JWTs, bearer headers, AWS keys and signatures, passwords), and keeps what it finds.
/// </summary>
/// <remarks>
/// <see cref="Run"/> is the one instance every service host of this test project logs to (<see cref="GovernanceApiFactory"/>
/// adds it, at Debug for every category), so that one place sees the whole run. A line is checked when it is written,
/// against the secrets registered by then: each secret is registered where the tests make it, before any host can log it.
/// Only findings are kept (never the lines), with the secret itself cut out of the excerpt.
/// </remarks>
public sealed partial class SecretScanningLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentDictionary<string, string> _secrets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _findings = new();
    private IExternalScopeProvider? _scopes;
    private long _lines;

    /// <summary>The run's sink: every service host of the API tests logs here.</summary>
    public static SecretScanningLoggerProvider Run { get; } = KnownTestSecrets.AddTo(new SecretScanningLoggerProvider());

    /// <summary>How many lines were read.</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>How many secrets are registered (minted tokens included).</summary>
    public int Secrets => _secrets.Count + _tokens.Count;

    /// <summary>What was found so far: one line per finding, naming the secret's kind and the log category.</summary>
    public IReadOnlyCollection<string> Findings => _findings;

    /// <summary>Registers a secret the tests created; <paramref name="what"/> names it in a finding.</summary>
    public void AddSecret(string? secret, string what)
    {
        // A very short value would match ordinary text; none of the tests' secrets is that short.
        if (secret is { Length: >= 8 })
        {
            if (secret.StartsWith("eyJ", StringComparison.Ordinal))
            {
                _tokens.TryAdd(secret, 0);
            }
            else
            {
                _secrets.TryAdd(secret, what);
            }
        }
    }

    /// <summary>Reads <paramref name="text"/> (a child process's output, say) as if it had been logged by <paramref name="source"/>.</summary>
    public void Scan(string source, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }
        foreach (var line in text.Split('\n'))
        {
            Check(source, line);
        }
    }

    /// <summary>Fails with every finding when anything was found.</summary>
    public void AssertClean()
    {
        if (!_findings.IsEmpty)
        {
            throw new Xunit.Sdk.XunitException($"secrets in the logs ({_findings.Count}):\n" + string.Join("\n", _findings.Take(20)));
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
        // The run's sink outlives every host that logs to it.
    }

    private void Check(string category, string line)
    {
        Interlocked.Increment(ref _lines);
        foreach (var (secret, what) in _secrets)
        {
            if (line.Contains(secret, StringComparison.Ordinal))
            {
                Found(category, what, line, secret);
            }
        }
        if (line.Contains("eyJ", StringComparison.Ordinal))
        {
            foreach (var token in _tokens.Keys)
            {
                if (line.Contains(token, StringComparison.Ordinal))
                {
                    Found(category, "minted JWT", line, token);
                }
            }
        }
        foreach (var (shape, what) in Shapes)
        {
            if (shape.Match(line) is { Success: true } match)
            {
                Found(category, what, line, match.Value);
            }
        }
    }

    private void Found(string category, string what, string line, string secret)
    {
        var at = line.IndexOf(secret, StringComparison.Ordinal);
        var excerpt = line[Math.Max(0, at - 60)..at] + "«" + what + "»" + line[(at + secret.Length)..Math.Min(line.Length, at + secret.Length + 40)];
        _findings.Enqueue($"{what} in {category}: …{excerpt}…");
    }

    /// <summary>Shapes of secrets, whoever made them.</summary>
    private static readonly (Regex Shape, string What)[] Shapes =
    [
        (JwtShape(), "a JWT"),
        (BearerShape(), "a bearer credential"),
        (SigV4Shape(), "an AWS SigV4 signature"),
        (AwsSecretShape(), "an AWS secret key or session token"),
        (PasswordShape(), "a password"),
    ];

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.")]
    private static partial Regex JwtShape();

    [GeneratedRegex(@"(?i)(authorization\s*[:=]\s*bearer\b|\bbearer\s+[A-Za-z0-9._~+/-]{20,})")]
    private static partial Regex BearerShape();

    [GeneratedRegex(@"(?i)(Signature=[0-9a-f]{64}|AWS4-HMAC-SHA256\s+Credential=)")]
    private static partial Regex SigV4Shape();

    [GeneratedRegex(@"(?i)(aws_?secret_?access_?key|secret_?access_?key|aws_?session_?token|session_?token|x-amz-security-token)[""']?\s*[:=]\s*[""']?[A-Za-z0-9/+=]{16,}")]
    private static partial Regex AwsSecretShape();

    [GeneratedRegex(@"(?i)\b(password|pwd)\s*=\s*(?!\*|\s|;)[^;\s]+")]
    private static partial Regex PasswordShape();

    private sealed class Logger(SecretScanningLoggerProvider sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => sink._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new StringBuilder(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    line.Append(' ').Append(key).Append('=').Append(value);
                }
            }
            sink._scopes?.ForEachScope(static (scope, text) =>
            {
                text.Append(" scope=").Append(scope);
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                {
                    foreach (var (key, value) in pairs)
                    {
                        text.Append(' ').Append(key).Append('=').Append(value);
                    }
                }
            }, line);
            if (exception is not null)
            {
                line.Append(' ').Append(exception);
            }
            sink.Check(category, line.ToString());
        }
    }
}
