namespace Governance.Core.Workflow.Requests;

/// <summary>
/// How much one requester may have at once (<c>Governance:Requests:Limits</c>): the one owner of the rule that keeps a
/// flood of submissions, automatically approved or not, from slowing the service for others or growing its state
/// without bound.
/// </summary>
/// <remarks>
/// Counted from the database (<c>RequesterLimitCheck</c>), so every node of a cluster counts the same, and checked twice: before the preview is
/// computed (a refused flood costs no analysis) and again under the write lock (parallel submissions cannot pass the
/// limit together).
/// </remarks>
public sealed class RequesterLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Governance:Requests:Limits";

    /// <summary>Grants active at once per requester; default 20.</summary>
    public int MaxActiveGrants { get; set; } = 20;

    /// <summary>Requests pending at once per requester; default 20.</summary>
    public int MaxPendingRequests { get; set; } = 20;

    /// <summary>Submissions per requester in any hour, whatever became of them; default 30.</summary>
    public int MaxSubmissionsPerHour { get; set; } = 30;

    /// <summary>Checks the values, naming the key of a wrong one.</summary>
    /// <returns>The problems; empty when the values are usable.</returns>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[]
        {
            (nameof(MaxActiveGrants), MaxActiveGrants), (nameof(MaxPendingRequests), MaxPendingRequests),
            (nameof(MaxSubmissionsPerHour), MaxSubmissionsPerHour),
        })
        {
            if (value < 1)
            {
                yield return $"{Section}:{name} must be at least 1; it is {value}";
            }
        }
    }
}
