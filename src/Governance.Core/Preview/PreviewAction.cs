using System.Collections.Immutable;
using PolicyEngine.Catalog;

namespace Governance.Core.Preview;

/// <summary>One action a grant would allow, with the resources it would allow it on.</summary>
/// <param name="Action">The action, such as <c>s3:GetObject</c>.</param>
/// <param name="AccessLevel">Its access level in AWS's service authorization reference.</param>
/// <param name="Resources">The resources the grant names for it.</param>
public sealed record PreviewAction(string Action, AccessLevel AccessLevel, ImmutableArray<string> Resources);
