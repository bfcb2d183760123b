using System.Diagnostics.CodeAnalysis;

namespace Governance.Core.Results;

/// <summary>The value an operation produced, or the error that stopped it.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class Outcome<T>
    where T : class
{
    internal Outcome(T? value, GovernanceError? error) => (Value, Error) = (value, error);

    /// <summary>The value, on success.</summary>
    public T? Value { get; }

    /// <summary>The error, on failure.</summary>
    public GovernanceError? Error { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>Wraps a value.</summary>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Outcome.Ok is the named alternate.")]
    public static implicit operator Outcome<T>(T value) => Outcome.Ok(value);

    /// <summary>Wraps an error.</summary>
    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Outcome.Fail is the named alternate.")]
    public static implicit operator Outcome<T>(GovernanceError error) => Outcome.Fail<T>(error);
}
