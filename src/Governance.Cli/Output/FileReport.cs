using PolicyEngine.Validation;

namespace Governance.Cli.Output;

/// <summary>The validation of one file, named as the user will recognise it.</summary>
/// <param name="Path">The file as shown: relative when the user gave a relative path, with <c>/</c> separators.</param>
/// <param name="Report">What the validator found.</param>
internal sealed record FileReport(string Path, ValidationReport Report);
