using Microsoft.Extensions.Configuration;

namespace Scheduler.Hosting;

/// <summary>The folders the jobs read and write, from the <c>Governance</c> section the API reads too.</summary>
/// <param name="DataDirectory">The data folder, absolute.</param>
/// <param name="PoliciesDirectory">The policies-as-code folder, absolute.</param>
internal sealed record SchedulerPaths(string DataDirectory, string PoliciesDirectory)
{
    /// <summary>Where drift reports are written.</summary>
    public string ReportsDirectory => Path.Combine(DataDirectory, "reports");

    public static SchedulerPaths Resolve(IConfiguration configuration)
    {
        var section = configuration.GetSection("Governance");
        var data = Path.GetFullPath(section["DataDirectory"] is { Length: > 0 } d ? d : "data");
        var policies = section["PoliciesDirectory"] is { Length: > 0 } p ? Path.GetFullPath(p) : FindPolicies();
        return new SchedulerPaths(data, policies);
    }

    /// <summary>The nearest <c>policies/</c> above the working directory or the binaries, as the API finds it.</summary>
    private static string FindPolicies()
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
