using System.Collections.Immutable;
using Governance.Core.Accounts;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Workflow.Preview;

/// <summary>
/// The approver's view of a grant against the whole picture: for each action the grant adds and each of its resources,
/// the decision with and without it once SCPs, the resource's policy, RCPs and the other side of a cross-account
/// request are counted, so that a grant the bucket policy or an SCP makes useless is shown as adding nothing, and why.
/// </summary>
/// <remarks>
/// Requests are taken as a well-behaved client makes them: over TLS (<c>aws:SecureTransport</c> true), in the bucket's
/// region (or the ARN's), at the preview's time. An object pattern such as <c>arn:aws:s3:::lake-raw/*</c> is asked as
/// written. At most <see cref="MaxEffects"/> pairs are computed; the rest are counted in a note.
/// </remarks>
public static class WholePictureEffects
{
    /// <summary>The most action and resource pairs one preview decides.</summary>
    public const int MaxEffects = 64;

    /// <summary>The effects of attaching <paramref name="policyDocument"/> to <paramref name="role"/> on the <paramref name="added"/> actions.</summary>
    public static ImmutableArray<PreviewEffect> Compute(OrganizationAuthorizer current, ResolvedPrincipal role, string policyDocument,
        IEnumerable<PreviewAction> added, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(policyDocument);
        ArgumentNullException.ThrowIfNull(added);
        var snapshot = current.Snapshot;
        if (snapshot.ContentsOf(role.AccountId)?.Iam is not { } iam || current.Find(role.Arn).Principal is not { } before)
        {
            return [];
        }
        var withGrant = new OrganizationAuthorizer(snapshot.WithAccountIam(role.AccountId, iam with
        {
            Roles = [.. iam.Roles.Select(r => string.Equals(r.Arn, role.Arn, StringComparison.Ordinal)
                ? r with { InlinePolicies = r.InlinePolicies.Add(new InlinePolicy(DeltaPreviewer.PreviewPolicyName, policyDocument)) }
                : r)],
        }));
        var after = withGrant.Find(role.Arn).Principal!;
        var pairs = added.SelectMany(static a => a.Resources.Select(r => (a.Action, Resource: r))).ToArray();
        var effects = ImmutableArray.CreateBuilder<PreviewEffect>();
        foreach (var (action, resource) in pairs.Take(MaxEffects))
        {
            var question = new AccessQuestion(action, resource, ContextFor(snapshot, resource, asOf));
            var was = current.Decide(before, question);
            var answer = withGrant.Authorize(after, question);
            var missing = answer.Result.Explanation.MissingContextKeys;
            // Named when already allowed, so that "adds nothing" can say where the role has it from (another grant, its own policy).
            var decidedBy = answer.Result.Decision != Decision.Allow ? answer.Summary
                : was == Decision.Allow ? current.Authorize(before, question).Summary
                : null;
            var summary = answer.Result.Decision == Decision.Allow
                ? was == Decision.Allow ? $"already allowed without the grant: {decidedBy}" : "the grant makes it allowed"
                : missing.IsEmpty
                    ? $"adds nothing: {answer.Summary}"
                    // The region of a bucket the copy does not hold, for one, cannot be known here: say what it hangs on.
                    : $"depends on {string.Join(", ", missing.Select(static k => $"`{k}`"))}, which the preview cannot know; without it: {answer.Summary}";
            effects.Add(new PreviewEffect(action, resource, was, answer.Result.Decision, summary, answer.Notes, Undecided: !missing.IsEmpty, decidedBy));
        }
        if (pairs.Length > MaxEffects)
        {
            effects.Add(new PreviewEffect("*", "*", Decision.ImplicitDeny, Decision.ImplicitDeny,
                $"{pairs.Length - MaxEffects} more action and resource pairs were not decided here", [], Undecided: true));
        }
        return effects.ToImmutable();
    }

    /// <summary>What the effects are computed from, in the approver's words.</summary>
    public static string Describe(OrganizationSnapshot snapshot, long version)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Organization is { } organization
            ? $"organisation {organization.Id}, copy version {version}"
            : $"one account, copy version {version}: resource policies unknown, so SCPs, RCPs and bucket and key policies are not counted";
    }

    /// <summary>The keys a well-behaved client sends for <paramref name="resource"/>: TLS, and the region where it is known.</summary>
    internal static RequestContext ContextFor(OrganizationSnapshot snapshot, string resource, DateTimeOffset asOf)
    {
        var region = snapshot.FindBucketForArn(resource)?.Resource.Region is { Length: > 0 } bucketRegion ? bucketRegion
            : Arn.TryParse(resource, out var arn) && arn.Region.Length > 0 ? arn.Region
            : null;
        string[] keys = region is null ? ["aws:SecureTransport=true"] : ["aws:SecureTransport=true", $"aws:RequestedRegion={region}"];
        return new AnalysisAssumptions(asOf, ContextArguments.Parse(keys).Context).ToContext();
    }
}
