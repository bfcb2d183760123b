using System.Collections.Immutable;

namespace Governance.Core.Policies.PermissionSets;

/// <summary>One Allow statement a permission set grants.</summary>
/// <param name="Sid">Its Sid in the granted policy (alphanumeric), if any.</param>
/// <param name="Actions">Action names or patterns, such as <c>s3:GetObject</c> or <c>glue:*Job*</c>.</param>
/// <param name="Resources">Placeholders (<see cref="ResourcePlaceholders"/>) or literal ARNs.</param>
public sealed record PermissionSetStatement(string? Sid, ImmutableArray<string> Actions, ImmutableArray<string> Resources);
