namespace Governance.Core.Risk;

/// <summary>The kinds of risk the audit reports; the JSON report writes the member names.</summary>
public enum FindingCategory
{
    /// <summary>The principal is not an administrator but can make itself one, or reach one.</summary>
    PrivilegeEscalation,

    /// <summary>The principal can already do anything (or grant itself anything at once).</summary>
    AdminEquivalent,

    /// <summary>The principal can read secrets, parameters, keys or objects without a resource constraint.</summary>
    DataExfiltration,

    /// <summary>The principal can change resource policies or permissions without a resource constraint.</summary>
    ResourceExposure,

    /// <summary>The principal can create or read credentials.</summary>
    CredentialsExposure,

    /// <summary>The principal can change infrastructure without a resource constraint.</summary>
    InfrastructureModification,

    /// <summary>A resource's own policy (bucket, key, trust or other policy) lets a principal outside the organisation, or anyone, use it.</summary>
    OutsideAccess,

    /// <summary>A KMS key policy lets another account's IAM decide who may use the key.</summary>
    KeyDelegation,

    /// <summary>An SCP or RCP does not restrict what it appears meant to: neutralised, misaddressed or attached nowhere.</summary>
    IneffectiveGuardrail,
}
