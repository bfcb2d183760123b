namespace Governance.Core.Hosting;

/// <summary>Resolves the folders the service works with from configuration.</summary>
/// <param name="DataDirectory">The data folder, absolute.</param>
/// <param name="PoliciesDirectory">The policies folder, absolute.</param>
/// <param name="AccountSnapshot">The service's own copy of the account snapshot.</param>
/// <param name="AccountSnapshotSeed">What is copied there on first start.</param>
public sealed record GovernancePaths(string DataDirectory, string PoliciesDirectory, string AccountSnapshot, string AccountSnapshotSeed)
{
    /// <summary>The account copy's file name in the data folder.</summary>
    public const string AccountFileName = "account.json";

    /// <summary>The roles-as-code folder the drift audit compares with the account.</summary>
    public string RolesDirectory => Path.Combine(PoliciesDirectory, "roles");

    /// <summary>Where drift reports are written, as copies of what the database holds.</summary>
    public string ReportsDirectory => Path.Combine(DataDirectory, "reports");

    /// <summary>Resolves the folders from <paramref name="options"/>, relative to the working directory.</summary>
    public static GovernancePaths Resolve(GovernanceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var data = Path.GetFullPath(options.DataDirectory);
        var policies = options.PoliciesDirectory is { Length: > 0 } p ? Path.GetFullPath(p) : PoliciesFolder.Find();
        var seed = options.AccountSnapshotSeed is { Length: > 0 } s ? Path.GetFullPath(s) : Path.Combine(policies, "demo-account.json");
        return new GovernancePaths(data, policies, Path.Combine(data, AccountFileName), seed);
    }
}
