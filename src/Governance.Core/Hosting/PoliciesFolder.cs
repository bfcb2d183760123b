namespace Governance.Core.Hosting;

/// <summary>Finds the policies-as-code folder when configuration does not name it.</summary>
public static class PoliciesFolder
{
    /// <summary>
    /// The nearest <c>policies/</c> holding permission sets, above the working directory or the binaries; else
    /// <c>policies</c> under the working directory. The API, the scheduler and the CLI find the same one.
    /// </summary>
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "policies");
                if (Directory.Exists(Path.Combine(candidate, "permission-sets")))
                {
                    return candidate;
                }
            }
        }
        return Path.GetFullPath("policies");
    }
}
