using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>A statement's Action or NotAction: action names and patterns such as <c>s3:Get*</c>.</summary>
/// <param name="IsNot">True for NotAction: the statement applies to every action except these.</param>
/// <param name="Values">The names and patterns as written; never empty in a valid document.</param>
/// <param name="Location">The element's key.</param>
public sealed record ActionSpec(bool IsNot, ImmutableArray<LocatedString> Values, SourceLocation Location);
