using System.Collections.Immutable;
using PolicyEngine.Diagnostics;

namespace PolicyEngine.Model;

/// <summary>An IAM policy document, read into its typed parts.</summary>
/// <param name="Version">The declared language version.</param>
/// <param name="Id">The optional Id element.</param>
/// <param name="Statements">Every statement, in document order.</param>
/// <param name="CharacterCount">The document's length in characters, white space not counted, as AWS's size quotas count it.</param>
/// <param name="VersionLocation">Where Version stands, when present.</param>
public sealed record PolicyDocument(
    PolicyVersion Version,
    string? Id,
    ImmutableArray<Statement> Statements,
    int CharacterCount,
    SourceLocation? VersionLocation)
{
    /// <summary>True when policy variables such as <c>${aws:username}</c> are substituted (Version 2012-10-17 only).</summary>
    public bool SupportsPolicyVariables => Version == PolicyVersion.Version2012;
}
