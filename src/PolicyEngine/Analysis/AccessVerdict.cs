namespace PolicyEngine.Analysis;

/// <summary>Whether a principal may perform an action on a resource, as far as its policies alone decide.</summary>
public enum AccessVerdict
{
    /// <summary>Allowed for every request: no condition stands in the way under the analysis assumptions.</summary>
    Allowed,

    /// <summary>Allowed only when the request carries suitable values for some condition keys.</summary>
    Conditional,

    /// <summary>Not allowed: denied explicitly, or nothing allows it.</summary>
    Denied,
}
