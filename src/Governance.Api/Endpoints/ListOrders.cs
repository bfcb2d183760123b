namespace Governance.Api.Endpoints;

/// <summary>
/// The orders of the list endpoints. Each is total, so that paging never repeats or skips an item: a time and then the
/// id, whose order is the same on SQLite (its text) and PostgreSQL (a <c>uuid</c>'s bytes, in the order of its text).
/// </summary>
internal static class ListOrders
{
    public const string AccessRequests = "newest created first (`createdAt` descending); equal times by `id` descending, compared as text";
    public const string Grants = "latest start first (`startsAt` descending); equal times by `id` descending, compared as text";
    public const string AuditEvents = "oldest first, by `sequence` ascending (unique), so that the chain reads in order";
    public const string AuditCheckpoints = "oldest first, by the range of events covered (`from` ascending; ranges never overlap)";
    public const string DriftReports = "newest run first (`ranAt` descending); equal times by `id` descending, compared as text";
    public const string PermissionSets = "by `name`, ascending, compared as text";
}
