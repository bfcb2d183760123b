using System.Collections.Immutable;

namespace Governance.Core.Results;

/// <summary>Why an operation did not happen: a value, never an exception.</summary>
/// <param name="Kind">The kind, which decides the HTTP status.</param>
/// <param name="Code">A stable code such as <c>request-not-pending</c>.</param>
/// <param name="Detail">What went wrong, in the project's message style.</param>
/// <param name="Fields">For validation errors: the JSON field names (<c>resources[1]</c>) and what is wrong with each.</param>
public sealed record GovernanceError(
    GovernanceErrorKind Kind,
    string Code,
    string Detail,
    ImmutableDictionary<string, string[]>? Fields = null)
{
    /// <summary>Members the problem carries besides its detail, by name (such as the new preview of a changed one).</summary>
    public ImmutableDictionary<string, object?> Extensions { get; init; } = ImmutableDictionary<string, object?>.Empty;

    /// <summary>For <see cref="GovernanceErrorKind.TooManyRequests"/>: how long until the caller may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>A validation error naming fields.</summary>
    public static GovernanceError Invalid(IReadOnlyDictionary<string, List<string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var detail = string.Join("; ", fields.SelectMany(static f => f.Value.Select(m => $"{f.Key}: {m}")));
        return new(GovernanceErrorKind.Validation, ProblemCodes.ValidationFailed, detail,
            fields.ToImmutableDictionary(static f => f.Key, static f => f.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>A validation error on one field.</summary>
    public static GovernanceError Invalid(string field, string message)
        => Invalid(new Dictionary<string, List<string>>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>A not-found error.</summary>
    public static GovernanceError NotFound(string code, string detail) => new(GovernanceErrorKind.NotFound, code, detail);

    /// <summary>A forbidden error.</summary>
    public static GovernanceError Forbidden(string code, string detail) => new(GovernanceErrorKind.Forbidden, code, detail);

    /// <summary>A conflict error.</summary>
    public static GovernanceError Conflict(string code, string detail) => new(GovernanceErrorKind.Conflict, code, detail);
}
