using Governance.Core.Accounts;

namespace Governance.Core.Tests.Risk;

/// <summary>Lists the principal and group names of an export, for the rename test.</summary>
internal static class AccountSnapshotReaderProbe
{
    public static IEnumerable<string> Names(string json)
    {
        var snapshot = AccountSnapshotReader.Read(json).Snapshot!;
        return snapshot.Users.Select(static u => u.UserName)
            .Concat(snapshot.Roles.Select(static r => r.RoleName))
            .Concat(snapshot.Groups.Select(static g => g.GroupName))
            .Distinct(StringComparer.Ordinal);
    }
}
