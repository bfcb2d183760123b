using Governance.Api.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary>
/// The <c>status</c> filter of the list endpoints: exactly one status name, in any case. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// would also take numbers and <c>Pending,Approved</c> (the two values or-ed together, which may name a third status).
/// </summary>
internal static class StatusFilter
{
    public static ProblemHttpResult? TryParse<TStatus>(string status, out TStatus parsed)
        where TStatus : struct, Enum
    {
        foreach (var value in Enum.GetValues<TStatus>())
        {
            if (string.Equals(value.ToString(), status, StringComparison.OrdinalIgnoreCase))
            {
                parsed = value;
                return null;
            }
        }
        parsed = default;
        return ProblemMapping.Invalid("status", $"unknown status `{status}`; expected one of {string.Join(", ", Enum.GetNames<TStatus>())}");
    }
}
