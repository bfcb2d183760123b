using System.Diagnostics.CodeAnalysis;

namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>The value of an IAM call, or its error; either way the request ids of every response received.</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class IamResult<T>
{
    internal IamResult(T? value, IamError? error, IReadOnlyList<string> requestIds) => (Value, Error, RequestIds) = (value, error, requestIds);

    /// <summary>The value, on success.</summary>
    public T? Value { get; }

    /// <summary>The error, on failure.</summary>
    public IamError? Error { get; }

    /// <summary>AWS's request id of every response, in order: pages and retried attempts included.</summary>
    public IReadOnlyList<string> RequestIds { get; }

    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    /// <summary>The same failure as another type's result.</summary>
    public IamResult<TOther> As<TOther>()
        => Success ? throw new InvalidOperationException("only a failure changes type") : IamResult.Fail<TOther>(Error, RequestIds);
}
