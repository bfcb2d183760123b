using System.Collections.Immutable;

namespace Governance.Cli.Simulation;

/// <summary>One ContextEntry of the request, as given.</summary>
/// <param name="Name">ContextKeyName.</param>
/// <param name="Values">ContextKeyValues; null when absent.</param>
/// <param name="Type">ContextKeyType: <c>string</c>, <c>numericList</c>, …; null when absent (read as <c>string</c>).</param>
internal sealed record ContextEntryInput(string? Name, ImmutableArray<string>? Values, string? Type);
