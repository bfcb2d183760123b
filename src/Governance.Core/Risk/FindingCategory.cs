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
}
