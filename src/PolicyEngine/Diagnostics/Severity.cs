namespace PolicyEngine.Diagnostics;

/// <summary>How much a finding matters, in IAM Access Analyzer's four levels.</summary>
public enum Severity
{
    /// <summary>AWS would refuse the document for its kind of policy.</summary>
    Error,

    /// <summary>AWS accepts it, but it grants more than it looks like it does.</summary>
    SecurityWarning,

    /// <summary>AWS accepts it, but part of it is wrong or does nothing.</summary>
    Warning,

    /// <summary>AWS accepts it; it could be written more simply.</summary>
    Suggestion,
}
