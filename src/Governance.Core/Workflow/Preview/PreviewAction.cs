using System.Collections.Immutable;
using PolicyEngine.Catalog;

namespace Governance.Core.Workflow.Preview;

/// <summary>One action a grant would allow, with the resources it would allow it on.</summary>
/// <param name="Action">The action, such as <c>s3:GetObject</c>.</param>
/// <param name="AccessLevel">Its access level in AWS's service authorization reference.</param>
/// <param name="Resources">The resources (as patterns) the grant allows it on.</param>
/// <param name="ConditionKeys">For access that holds only under conditions, the keys a request must carry; null when unconditional.</param>
public sealed record PreviewAction(string Action, AccessLevel AccessLevel, ImmutableArray<string> Resources, ImmutableArray<string>? ConditionKeys = null);
