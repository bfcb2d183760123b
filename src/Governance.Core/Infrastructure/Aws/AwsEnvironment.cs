namespace Governance.Core.Infrastructure.Aws;

/// <summary>
/// The environment variables the AWS SDKs read (<c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL_IAM</c>, …), behind a lookup so
/// that tests can supply their own without changing the process environment.
/// </summary>
/// <param name="read">Returns a variable's value, or null when it is not set.</param>
public sealed class AwsEnvironment(Func<string, string?> read)
{
    /// <summary>The process environment.</summary>
    public static AwsEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    /// <summary>A variable's value; null when it is unset or empty, as the SDKs treat an empty variable.</summary>
    public string? this[string name] => read(name) is { Length: > 0 } value ? value : null;

    /// <summary>An environment of exactly these variables.</summary>
    public static AwsEnvironment Of(IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new(name => variables.TryGetValue(name, out var value) ? value : null);
    }
}
