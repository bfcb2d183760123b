using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>One policy document validated inside a file.</summary>
/// <param name="Path">Where it stands in the file: empty for the whole file, <c>trustPolicy</c>, <c>inlinePolicies.NAME</c>, <c>statements</c>.</param>
/// <param name="Kind">What it was validated as.</param>
/// <param name="Container">The size quota it was held to, for identity policies and boundaries.</param>
/// <param name="Category">How the summary counts it, such as <see cref="DocumentCategory.RoleInline"/>.</param>
/// <param name="Label">How a finding names it: <c>trust policy</c>, <c>inline policy `read`</c>; empty for the whole file.</param>
internal sealed record CheckedDocument(string Path, PolicyKind Kind, PolicyContainer? Container, DocumentCategory Category, string Label);
