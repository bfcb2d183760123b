using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>A statement's Principal or NotPrincipal.</summary>
/// <param name="IsNot">True for NotPrincipal.</param>
/// <param name="IsWildcard">True for <c>"*"</c> written as a plain string: every principal, anonymous ones included.</param>
/// <param name="Entries">The principals listed by type; empty when <paramref name="IsWildcard"/>.</param>
/// <param name="Location">The element's key.</param>
public sealed record PrincipalSpec(bool IsNot, bool IsWildcard, ImmutableArray<PrincipalEntry> Entries, SourceLocation Location);
