using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation;

/// <summary>What <see cref="PolicyValidator"/> found in one document: grammar problems and check findings, by position.</summary>
public sealed class ValidationReport
{
    internal ValidationReport(PolicyKind kind, PolicyDocument? document, ImmutableArray<Diagnostic> findings)
    {
        Kind = kind;
        Document = document;
        Findings = findings;
        HasErrors = findings.Any(static f => f.Severity == Severity.Error);
    }

    /// <summary>The kind of policy the document was validated as.</summary>
    public PolicyKind Kind { get; }

    /// <summary>The document as far as it could be read; null when it is not a JSON object.</summary>
    public PolicyDocument? Document { get; }

    /// <summary>Every finding, sorted by line, column and code.</summary>
    public ImmutableArray<Diagnostic> Findings { get; }

    /// <summary>True when some finding is an <see cref="Severity.Error"/>: AWS would refuse the document.</summary>
    public bool HasErrors { get; }
}
