using System.Text.Json.Nodes;
using Governance.Core.Infrastructure.Aws.Iam;

namespace Governance.Core.Infrastructure.Aws.Snapshot;

/// <summary>The result of reading an account from IAM.</summary>
/// <param name="Snapshot">The snapshot in the CLI's JSON, on success.</param>
/// <param name="Error">The IAM call that failed, if one did.</param>
/// <param name="Problems">What made the snapshot unreadable (JSON path and message), when IAM answered but the result is not a usable snapshot.</param>
/// <param name="RequestIds">AWS's request id of every page.</param>
public sealed record AccountSnapshotFetch(JsonObject? Snapshot, IamError? Error, IReadOnlyList<string> Problems, IReadOnlyList<string> RequestIds)
{
    /// <summary>True when <see cref="Snapshot"/> is a snapshot every <c>--account</c> reader accepts.</summary>
    public bool Success => Snapshot is not null;

    /// <summary>Why it failed, for a person; empty on success.</summary>
    public string Describe() => Error?.Describe() ?? string.Join("; ", Problems);
}
