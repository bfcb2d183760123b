using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>A statement's Resource or NotResource: ARNs and ARN patterns, or <c>*</c>.</summary>
/// <param name="IsNot">True for NotResource: the statement applies to every resource except these.</param>
/// <param name="Values">The ARNs and patterns as written; never empty in a valid document.</param>
/// <param name="Location">The element's key.</param>
public sealed record ResourceSpec(bool IsNot, ImmutableArray<LocatedString> Values, SourceLocation Location);
