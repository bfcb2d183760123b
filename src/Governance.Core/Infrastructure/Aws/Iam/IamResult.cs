namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>Creates <see cref="IamResult{T}"/> values.</summary>
public static class IamResult
{
    /// <summary>A success.</summary>
    public static IamResult<T> Ok<T>(T value, IReadOnlyList<string> requestIds) => new(value, null, requestIds);

    /// <summary>A failure.</summary>
    public static IamResult<T> Fail<T>(IamError error, IReadOnlyList<string> requestIds)
        => new(default, error ?? throw new ArgumentNullException(nameof(error)), requestIds);
}
