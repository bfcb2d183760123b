namespace Governance.Core.Accounts;

/// <summary>A managed policy a principal references whose document the loaded snapshots do not hold.</summary>
/// <param name="PrincipalArn">Who references it.</param>
/// <param name="PolicyArn">The missing policy.</param>
public sealed record UnresolvedPolicy(string PrincipalArn, string PolicyArn);
