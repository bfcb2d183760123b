namespace Governance.Core.Accounts;

/// <summary>A managed policy a principal references whose document the loaded snapshots do not hold.</summary>
/// <param name="PrincipalArn">Who references it.</param>
/// <param name="PolicyArn">The missing policy.</param>
public sealed record UnresolvedPolicy(string PrincipalArn, string PolicyArn)
{
    /// <summary>The warning an answer about <see cref="PrincipalArn"/> carries: it was computed without this policy.</summary>
    public string Warning => $"{PrincipalArn} references {PolicyArn}, which no loaded snapshot holds; it is left out";
}
