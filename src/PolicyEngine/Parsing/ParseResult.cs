using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Parsing;

/// <summary>
/// The outcome of reading a document: the value read, and every problem found, sorted by position.
/// </summary>
/// <remarks>
/// <see cref="Value"/> may be present even when <see cref="Success"/> is false: the parser keeps what it could
/// read so that later checks can still report on it. Elements that had errors are left out of it.
/// </remarks>
/// <typeparam name="T">What was read.</typeparam>
public sealed class ParseResult<T>
    where T : class
{
    internal ParseResult(T? value, ImmutableArray<Diagnostic> diagnostics)
    {
        Value = value;
        Diagnostics = diagnostics;
        Success = value is not null && !diagnostics.Any(static d => d.Severity == Severity.Error);
    }

    /// <summary>What could be read; null when nothing could (the text is not JSON, for example).</summary>
    public T? Value { get; }

    /// <summary>Every problem found, errors and warnings alike, by position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when a value was read and no diagnostic is an error.</summary>
    public bool Success { get; }

    /// <summary>The value, or an exception naming the first error, for callers that have already checked.</summary>
    public T GetValueOrThrow()
        => Success ? Value! : throw new InvalidOperationException(
            Diagnostics.FirstOrDefault(static d => d.Severity == Severity.Error) is { } e
                ? $"{e.Location}: {e.Message}"
                : "no value was read");
}
