namespace Governance.Core.Exclusions;

/// <summary>Why an exclusion needs a look although the file is valid.</summary>
public enum ExclusionWarningKind
{
    /// <summary>Its expiry has passed: it excludes nothing any more; renew it (a new review) or remove it.</summary>
    Expired,

    /// <summary>It matches no finding: the risk is gone or the match is wrong; remove or fix it.</summary>
    Stale,
}
