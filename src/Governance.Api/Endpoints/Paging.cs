using System.Globalization;
using Governance.Api.Problems;
using Governance.Core.Results;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Governance.Api.Endpoints;

/// <summary>Reads <c>page</c> and <c>pageSize</c> from the query; parsed here so that a bad value names its field.</summary>
/// <param name="Page">From 1.</param>
/// <param name="Size">Items per page, at most <see cref="MaxSize"/>.</param>
internal readonly record struct Paging(int Page, int Size)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;
    public const int MaxPage = 1_000_000;

    public int Skip => checked((Page - 1) * Size);

    public static ProblemHttpResult? TryParse(string? page, string? pageSize, out Paging paging)
        => Read(page, pageSize, out paging) is { } invalid ? invalid.ToProblem() : null;

    /// <summary>The paging <paramref name="page"/> and <paramref name="pageSize"/> ask for, or the refusal naming the field (the API's and the console's one rule).</summary>
    public static GovernanceError? Read(string? page, string? pageSize, out Paging paging)
    {
        paging = new Paging(1, DefaultSize);
        var p = 1;
        var s = DefaultSize;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1 || p > MaxPage))
        {
            return GovernanceError.Invalid("page", "expected a whole number from 1");
        }
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out s) || s < 1 || s > MaxSize))
        {
            return GovernanceError.Invalid("pageSize", $"expected a whole number from 1 to {MaxSize}");
        }
        paging = new Paging(p, s);
        return null;
    }
}
