namespace Governance.Cli.Validation;

/// <summary>How many managed policies and permissions boundaries a role names by ARN, whose documents live in the account.</summary>
/// <param name="ManagedPolicies">ARNs in <c>attachedPolicies</c>.</param>
/// <param name="Boundaries">1 when the role sets <c>permissionsBoundary</c>.</param>
internal readonly record struct ArnReferences(int ManagedPolicies, int Boundaries)
{
    /// <summary>No references.</summary>
    public static ArnReferences None => default;

    /// <summary>The sum of two counts.</summary>
    public static ArnReferences operator +(ArnReferences a, ArnReferences b) => new(a.ManagedPolicies + b.ManagedPolicies, a.Boundaries + b.Boundaries);

    /// <summary>The sum of two counts, for languages without operators.</summary>
    public static ArnReferences Add(ArnReferences a, ArnReferences b) => a + b;
}
