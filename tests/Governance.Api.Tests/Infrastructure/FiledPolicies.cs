using System.Text.Json.Nodes;
using TestSupport.Files;
using TestSupport.Paths;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The repository's policies as they were when issue 14 was filed: <c>iam-role-admin</c> asked for one approver, and
/// only the approval rule on PermissionsManagement access made it two, so that the number of approvals hung on what
/// the preview found.
/// </summary>
public static class FiledPolicies
{
    /// <summary>Copies <c>policies/</c> into <paramref name="folder"/> with that one change, and returns the copy's path.</summary>
    public static string CopyInto(TempFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        FolderCopy.Copy(RepositoryPaths.Policies, folder.Path);
        var set = Path.Combine(folder.Path, "permission-sets", "iam-role-admin.json");
        var json = JsonNode.Parse(File.ReadAllText(set))!;
        json["approvalsRequired"] = 1;
        json["description"] = "Change the policies of data-platform service roles.";
        File.WriteAllText(set, json.ToJsonString());
        return folder.Path;
    }
}
