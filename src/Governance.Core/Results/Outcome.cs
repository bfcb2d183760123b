namespace Governance.Core.Results;

/// <summary>Creates <see cref="Outcome{T}"/> values.</summary>
public static class Outcome
{
    /// <summary>A success.</summary>
    public static Outcome<T> Ok<T>(T value)
        where T : class
        => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    /// <summary>A failure.</summary>
    public static Outcome<T> Fail<T>(GovernanceError error)
        where T : class
        => new(null, error ?? throw new ArgumentNullException(nameof(error)));
}
