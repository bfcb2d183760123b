using System.Diagnostics.CodeAnalysis;

namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>The value of an Organizations call, or its error.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="Value">The value, on success.</param>
/// <param name="Error">The error, on failure.</param>
public sealed record OrganizationsResult<T>(T? Value, AwsCallError? Error)
{
    /// <summary>True when there is a value.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;
}
