using PolicyEngine.Diagnostics;

namespace Governance.Cli.Validation;

/// <summary>A finding placed in its file.</summary>
/// <param name="Diagnostic">The finding; its location is the file's line and column and the path from the file's root.</param>
/// <param name="Document">The document it is about (its <see cref="CheckedDocument.Path"/>), or null for the file itself.</param>
/// <param name="Statement">
/// The statement it is about, as a fingerprint keeps it across edits: <c>sid:NAME</c> when the statement has a Sid,
/// else <c>index:N</c>; null when it is about no statement.
/// </param>
internal sealed record FileFinding(Diagnostic Diagnostic, string? Document, string? Statement);
