using System.Collections.Immutable;

namespace Governance.Core.Reports;

/// <summary>What a reviewer needs beside a finding: why it matters, how to fix it, and AWS's documentation of both.</summary>
/// <param name="Why">Why the risk matters, in a sentence or two; code in backticks.</param>
/// <param name="Fix">How to remove or narrow it; code in backticks.</param>
/// <param name="Documentation">AWS documentation pages, the most useful first.</param>
public sealed record FindingGuide(string Why, string Fix, ImmutableArray<DocumentationLink> Documentation);
