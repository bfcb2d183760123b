using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Workflow.Preview;

/// <summary>
/// What a grant would do for one action on one of its resources once everything else that decides is counted: the
/// SCPs down the role's path, the resource's own policy, its account's RCPs and, across accounts, both sides.
/// </summary>
/// <param name="Action">The action the grant adds.</param>
/// <param name="Resource">The resource (a pattern: an object key pattern is asked as written).</param>
/// <param name="Before">The decision without the grant.</param>
/// <param name="After">The decision with it.</param>
/// <param name="Summary">One sentence for the approver: what the grant adds here, or why it adds nothing, naming the layer that decides.</param>
/// <param name="Notes">What the answer rests on or could not know (an unknown bucket, resource policies unknown, a policy that does not parse).</param>
/// <param name="Undecided">True when the answer hangs on something the preview cannot know, such as a key a real request would carry, or when the pair was not decided at all.</param>
/// <param name="DecidedBy">
/// The layer and statement that decided, in the words of the answer's summary: what allows it without the grant when
/// it is already allowed, what denies it when the grant adds nothing; null when the grant makes it allowed.
/// </param>
public sealed record PreviewEffect(string Action, string Resource, Decision Before, Decision After, string Summary, ImmutableArray<string> Notes,
    bool Undecided = false, string? DecidedBy = null)
{
    /// <summary>True when the grant makes the request allowed where it was not.</summary>
    public bool Adds => After == Decision.Allow && Before != Decision.Allow;
}
