using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;
using PolicyEngine.Parsing;

namespace PolicyEngine.Evaluation;

/// <summary>A policy document with the name evaluation results refer to it by.</summary>
/// <remarks>
/// Built from JSON text, the document is parsed here, once; grammar errors are kept as <see cref="Diagnostics"/>
/// and the statements that could be read are still used (see <see cref="PolicyCompiler"/>).
/// </remarks>
public sealed class NamedPolicy
{
    private NamedPolicy(string name, PolicyDocument? document, ImmutableArray<Diagnostic> diagnostics)
    {
        Name = name;
        Document = document;
        Diagnostics = diagnostics;
    }

    /// <summary>The policy's name (managed policy name, inline policy name, or a label such as <c>bucket-policy</c>).</summary>
    public string Name { get; }

    /// <summary>The document; null when the text could not be read at all (it is not JSON, for example).</summary>
    public PolicyDocument? Document { get; }

    /// <summary>Every problem the parser found, errors and warnings alike.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when the document was read without errors.</summary>
    public bool IsValid => Document is not null && !Diagnostics.Any(static d => d.Severity == Severity.Error);

    /// <summary>Parses <paramref name="json"/> into a named policy; never throws for any text.</summary>
    public static NamedPolicy Parse(string name, string json)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(json);
        return From(name, PolicyParser.Parse(json));
    }

    /// <summary>Wraps a parse result (for callers that parsed from UTF-8 or a <c>JsonElement</c>).</summary>
    public static NamedPolicy From(string name, ParseResult<PolicyDocument> parsed)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(parsed);
        return new NamedPolicy(name, parsed.Value, parsed.Diagnostics);
    }

    /// <summary>Wraps a document that is already read.</summary>
    public static NamedPolicy FromDocument(string name, PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(document);
        return new NamedPolicy(name, document, []);
    }
}
