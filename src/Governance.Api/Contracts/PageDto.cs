namespace Governance.Api.Contracts;

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The items' type.</typeparam>
/// <param name="Items">The items on this page.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items in all pages.</param>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
