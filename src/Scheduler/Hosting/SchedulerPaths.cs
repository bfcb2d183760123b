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
        var policies = section["PoliciesDirectory"] is { Length: > 0 } p ? Path.GetFullPath(p) : Governance.Core.PoliciesFolder.Find();
        return new SchedulerPaths(data, policies);
    }
}
