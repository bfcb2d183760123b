using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Answers "can this principal do this action on this resource?" for a principal of any account an
/// <see cref="OrganizationSnapshot"/> holds, from the whole picture: the principal's own policies, the SCPs down its
/// account's path, the RCPs down the resource account's path, the resource's own policy and, across accounts, both sides.
/// </summary>
/// <remarks>
/// <para>
/// The snapshot supplies every guardrail: the question's SCP, RCP, resource policy and resource account are replaced,
/// only its session policy is kept. The accounts' IAM is combined into one <see cref="AccountState"/> once, and each
/// question goes through one <see cref="AccountAuthorizer"/>, which caches compiled policy sets; the guardrails of each
/// account are built once and each resource policy is parsed once, so equal questions hit that cache. Thread-safe.
/// </para>
/// <para>
/// Principals of member accounts carry <c>aws:PrincipalOrgID</c>; principals of outside accounts (a vendor's export)
/// do not, and no SCP restricts them.
/// </para>
/// </remarks>
public sealed class OrganizationAuthorizer
{
    private readonly PolicyLibrary _library = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<ImmutableArray<NamedPolicy>>> _serviceControl = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ImmutableArray<ImmutableArray<NamedPolicy>>> _resourceControl = new(StringComparer.Ordinal);
    private readonly FrozenSet<string> _accountsWithIam;
    private readonly Guardrails? _given;

    /// <summary>Builds the authorizer of <paramref name="snapshot"/>, combining the IAM of every account it holds.</summary>
    /// <param name="snapshot">The organisation.</param>
    /// <param name="given">
    /// Guardrails given by hand (<c>--scp</c>, <c>--rcp</c>, <c>--resource-policy</c>, <c>--resource-account</c>) for a
    /// snapshot that cannot know them, IAM exports alone: they stand for every question in place of the snapshot's
    /// (which has none). Null for an organisation folder, which supplies its own.
    /// </param>
    public OrganizationAuthorizer(OrganizationSnapshot snapshot, Guardrails? given = null)
    {
        Snapshot = snapshot ?? throw new ArgumentNullException(nameof(snapshot));
        _given = given;
        var organizationId = snapshot.Organization?.Id;
        Accounts = new AccountAuthorizer(
            new AccountState(snapshot.Contents.Where(static c => c.Iam is not null).Select(static c => c.Iam!)),
            account => organizationId is not null && snapshot.IsInOrganization(account) ? organizationId : null);
        // An export can span accounts, so the accounts come from its principals as well as from the folder's names.
        _accountsWithIam = Accounts.State.Snapshots.SelectMany(static s => s.AccountIds)
            .Concat(snapshot.Contents.Where(static c => c.Iam is not null).Select(static c => c.AccountId))
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The organisation questions are answered against.</summary>
    public OrganizationSnapshot Snapshot { get; }

    /// <summary>The guardrails given by hand for every question (see the constructor), or null when the snapshot supplies them.</summary>
    public Guardrails? GivenGuardrails => _given;

    /// <summary>The authorizer of every account's IAM, through which each question is decided.</summary>
    public AccountAuthorizer Accounts { get; }

    /// <summary>Finds a principal of any account by ARN, <c>role/NAME</c>, <c>user/NAME</c> or a name only one principal has.</summary>
    public PrincipalLookup Find(string name) => Accounts.State.Find(name);

    /// <summary>
    /// Finds a caller as <see cref="Find"/> does, and also a principal of an account whose IAM the snapshot does not hold,
    /// named by ARN or account id: an outside principal (or one of a member account not exported) whose own policies are
    /// unknown, answered from the rest of the picture (<see cref="KnowsPoliciesOf"/> is false for it).
    /// </summary>
    /// <remarks>
    /// A role session's ARN (<c>arn:aws:sts::ID:assumed-role/ROLE/SESSION</c>) finds its role, asked as that session: a
    /// resource policy naming the session grants it directly, which a grant to the role ARN does not
    /// (IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html, "IAM role session"). A role
    /// with a path (<c>role/service-role/NAME</c>) is found but asked as itself: its session's ARN does not carry the path.
    /// </remarks>
    public PrincipalLookup FindCaller(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lookup = Find(name);
        // The engine reads a session's role from its ARN, which leaves out the role's path: a role with a path is asked as
        // itself, so that grants naming its ARN (with the path) still match.
        if (lookup.Principal is { Kind: PrincipalKind.Role } role && IsSession(name.Trim()) && role.Arn.EndsWith(":role/" + role.Name, StringComparison.Ordinal))
        {
            return new PrincipalLookup(role with { Arn = name.Trim() }, null);
        }
        return lookup.Success || UnknownPrincipal.Parse(name) is not { } unknown || _accountsWithIam.Contains(unknown.AccountId)
            ? lookup
            : new PrincipalLookup(unknown, null);
    }

    /// <summary>True when the snapshot holds the principal's own policies; false for one <see cref="FindCaller"/> made up for an account it does not hold.</summary>
    public bool KnowsPoliciesOf(ResolvedPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Accounts.State.Holds(principal.Arn) || (IsSession(principal.Arn) && Accounts.State.Find(principal.Arn).Success);
    }

    /// <summary>
    /// Why <paramref name="question"/> cannot be answered for <paramref name="principal"/>, or null when it can: within
    /// one account the caller's own policies decide (a grant there needs only one side), so a caller whose policies are
    /// unknown can be answered only about resources of other accounts.
    /// </summary>
    public string? CheckQuestion(ResolvedPrincipal principal, AccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(question);
        if (KnowsPoliciesOf(principal) || (OwnerOf(question.Resource) ?? principal.AccountId) != principal.AccountId)
        {
            return null;
        }
        return $"`{question.Resource}` is taken to be in account {principal.AccountId}, the account of `{principal.Arn}`, whose policies the snapshot " +
            "does not hold: within one account the caller's own policies decide, so neither side of this request is known";
    }

    /// <summary>Decides and explains <paramref name="question"/> asked of <paramref name="principal"/>, naming the layer that decided.</summary>
    /// <remarks>
    /// For a principal whose own policies are unknown (<see cref="KnowsPoliciesOf"/>), they are assumed to allow: the
    /// answer is what the rest of the picture decides, and its summary and notes say so.
    /// </remarks>
    public OrganizationAnswer Authorize(ResolvedPrincipal principal, AccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(question);
        var (asked, resource) = WithGuardrails(principal, question);
        var result = Accounts.Authorize(principal, asked);
        var notes = resource.Notes.AddRange(Unparsed(Accounts.PolicySet(principal, asked)));
        var summary = AnswerSummary.Of(Snapshot, principal, asked, result);
        if (KnowsPoliciesOf(principal))
        {
            return new OrganizationAnswer(result, summary, notes);
        }
        var assumed = $"the policies of account {principal.AccountId} are not in the snapshot: `{principal.Arn}` is answered from the rest of the " +
            "picture, its own policies assumed to allow";
        return new OrganizationAnswer(result, AnswerSummary.Assumed(result, summary), notes.Insert(0, assumed), CallerPoliciesKnown: false);
    }

    /// <summary>Decides <paramref name="question"/> without explaining it: the fast path for sweeps.</summary>
    public Decision Decide(ResolvedPrincipal principal, AccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(question);
        return Accounts.Decide(principal, WithGuardrails(principal, question).Question);
    }

    /// <summary>
    /// The policy of <paramref name="question"/>'s resource as the snapshot holds it: the bucket, key or other resource
    /// policy, or for <c>sts:AssumeRole*</c> on a role the role's trust policy; null when it has none or it is unknown.
    /// </summary>
    public NamedPolicy? ResourcePolicyOf(AccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return _given?.ResourcePolicy ?? ResolveResource(question.Resource).Policy ?? Accounts.TrustPolicyFor(question);
    }

    /// <summary>The account that owns <paramref name="resource"/> as the snapshot knows it (from its ARN, or the bucket's owner); null when unknown.</summary>
    public string? OwnerOf(string resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return _given?.ResourceAccount ?? ResolveResource(resource).AccountId;
    }

    /// <summary>
    /// The condition keys of any request from <paramref name="principal"/>, whatever its resource: <paramref name="given"/>,
    /// then the keys AWS sets from the principal (<c>aws:PrincipalArn</c>, its tags, its organisation's
    /// <c>aws:PrincipalOrgID</c>, ...) where it lacks them. <c>aws:ResourceAccount</c> is left out: it is the resource's.
    /// </summary>
    public RequestContext ContextOf(ResolvedPrincipal principal, RequestContext given)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(given);
        var organizationId = Snapshot.Organization is { } org && Snapshot.IsInOrganization(principal.AccountId) ? org.Id : null;
        var keys = AuthorizationRequest.Create(principal.Arn, "sts:GetCallerIdentity", "*", null,
            given.WithMissing(PrincipalContextKeys.For(principal, organizationId))).Context;
        return given.TryGetValues("aws:ResourceAccount", out _)
            ? keys
            : RequestContext.Create(keys.Entries.Where(static k => !string.Equals(k.Key, "aws:ResourceAccount", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// <paramref name="question"/> with the guardrails AWS evaluates for it asked of <paramref name="principal"/>: the
    /// SCP levels of its account, the RCP levels, policy and owner of the resource; the question's session and VPC endpoint policies are kept.
    /// </summary>
    internal AccessQuestion WithGuardrailsFor(ResolvedPrincipal principal, AccessQuestion question) => WithGuardrails(principal, question).Question;

    private (AccessQuestion Question, ResourceSide Resource) WithGuardrails(ResolvedPrincipal principal, AccessQuestion question)
    {
        if (_given is { } given)
        {
            var notes = given.ResourcePolicy is null && !Snapshot.ResourcePoliciesKnown
                ? ImmutableArray.Create("resource policies unknown: the snapshot holds IAM only, and no resource policy was given")
                : [];
            return (question with
                {
                    Guardrails = given with
                    {
                        SessionPolicy = question.Guardrails.SessionPolicy,
                        VpcEndpointPolicy = question.Guardrails.VpcEndpointPolicy,
                    },
                },
                new ResourceSide(given.ResourceAccount, given.ResourcePolicy, ResourceControlApplies: true, notes));
        }
        // Not cached: a question names an object key as often as a bucket, so a cache by resource would grow without bound;
        // the lookups are dictionary reads, and the policies come from the library, so equal questions still share a
        // compiled set in AccountAuthorizer.
        var resource = ResolveResource(question.Resource);
        var resourceAccount = resource.AccountId ?? principal.AccountId;
        var guardrails = new Guardrails
        {
            // Service-linked roles are not restricted by SCPs (orgs_manage_policies_scps.html, "Tasks and entities not restricted by SCPs").
            ServiceControlPolicies = principal.IsServiceLinked ? [] : _serviceControl.GetOrAdd(principal.AccountId, ServiceControlLevels),
            ResourceControlPolicies = resource.ResourceControlApplies && !principal.IsServiceLinked
                ? _resourceControl.GetOrAdd(resourceAccount, ResourceControlLevels)
                : [],
            ResourcePolicy = resource.Policy,
            ResourceAccount = resource.AccountId,
            SessionPolicy = question.Guardrails.SessionPolicy,
            VpcEndpointPolicy = question.Guardrails.VpcEndpointPolicy,
            BlockPublicAccess = resource.BlockPublicAccess,
            ObjectOwnership = resource.ObjectOwnership,
        };
        return (question with { Guardrails = guardrails }, resource);
    }

    private ImmutableArray<ImmutableArray<NamedPolicy>> ServiceControlLevels(string accountId)
        => [.. Snapshot.ServiceControlPolicyLevels(accountId).Select(level => Named("SCP", level))];

    private ImmutableArray<ImmutableArray<NamedPolicy>> ResourceControlLevels(string accountId)
        => [.. Snapshot.ResourceControlPolicyLevels(accountId).Select(level => Named("RCP", level))];

    private ImmutableArray<NamedPolicy> Named(string type, PolicyLevel level)
        => [.. level.Policies.Select(p => _library.Get($"{type} `{p.Name}`{(p.IsImplied ? " (implied)" : string.Empty)} attached to {AnswerSummary.Describe(level.Node)}", p.Content.Text))];

    /// <summary>
    /// The resource's side of a request: its policy, its owner and whether RCPs apply to it. A bucket is found by the
    /// bucket or object ARN (which carries no account), a key by its ARN, anything else under <c>Other</c>; a role's
    /// trust policy is left to <see cref="AccountAuthorizer"/>, which finds it for <c>sts:AssumeRole*</c>.
    /// </summary>
    private ResourceSide ResolveResource(string resource)
    {
        var notes = ImmutableArray.CreateBuilder<string>();
        if (!Snapshot.ResourcePoliciesKnown)
        {
            notes.Add("resource policies unknown: the snapshot holds IAM only, so no bucket, key or other resource policy is part of this answer");
        }
        if (!Arn.TryParse(resource, out var arn))
        {
            return new ResourceSide(null, null, ResourceControlApplies: true, notes.ToImmutable());
        }
        string? owner = arn.Account.Length > 0 ? arn.Account : null;
        NamedPolicy? policy = null;
        var resourceControl = true;
        var known = false;
        BlockPublicAccessSettings? blockPublicAccess = null;
        ObjectOwnership? ownership = null;
        if (arn.Service == "s3" && Snapshot.FindBucketForArn(resource) is { } bucket)
        {
            (owner, known) = (bucket.AccountId, true);
            policy = Policy($"bucket policy of `{bucket.Resource.Name}`", bucket.Resource.Policy);
            blockPublicAccess = BucketSettings.BlockPublicAccess(bucket.Resource, Snapshot.ContentsOf(bucket.AccountId)?.Resources);
            ownership = BucketSettings.Ownership(bucket.Resource);
        }
        else if (arn.Service == "kms" && Snapshot.FindKmsKey(resource) is { } key)
        {
            (owner, known) = (key.AccountId, true);
            policy = Policy($"key policy of `{key.Resource.KeyId}`", key.Resource.Policy);
            // RCPs do not apply to AWS managed keys (kms/latest/developerguide/resource-control-policies.html).
            resourceControl = !key.Resource.IsAwsManaged;
        }
        else if (Snapshot.FindResourcePolicy(resource) is { } other)
        {
            (owner, known) = (other.AccountId, true);
            policy = Policy($"resource policy of `{resource}`", other.Resource.Policy);
        }
        if (!known && Snapshot.ResourcePoliciesKnown && arn.Service is "s3" or "kms")
        {
            var what = arn.Service == "s3" ? "bucket" : "key";
            notes.Add($"the {what} of `{resource}` is not in the snapshot: its policy and owner are unknown" +
                (owner is null ? ", and it is taken to be in the caller's account" : string.Empty));
        }
        if (owner is not null && arn.Service != "iam" && Snapshot.ResourcePoliciesKnown && Snapshot.ContentsOf(owner) is null or { Resources: null })
        {
            notes.Add($"the resources of account {owner} are not in the snapshot: its resource policies are unknown");
        }
        return new ResourceSide(owner, policy, resourceControl, notes.ToImmutable()) { BlockPublicAccess = blockPublicAccess, ObjectOwnership = ownership };
    }

    private NamedPolicy? Policy(string name, PolicyText? text) => text is null ? null : _library.Get(name, text.Text);

    /// <summary>A note for each policy of the set that did not parse: the answer rests on the statements that could be read.</summary>
    private static IEnumerable<string> Unparsed(PolicySet set)
    {
        IEnumerable<NamedPolicy?> all = [
            .. set.IdentityPolicies, set.PermissionsBoundary, set.SessionPolicy,
            .. set.ServiceControlPolicies.SelectMany(static l => l), .. set.ResourceControlPolicies.SelectMany(static l => l), set.ResourcePolicy,
            set.VpcEndpointPolicy];
        foreach (var policy in all.OfType<NamedPolicy>().Where(static p => !p.IsValid))
        {
            var error = policy.Diagnostics.FirstOrDefault(static d => d.Severity == Severity.Error);
            yield return $"{policy.Name} did not parse" + (error is null ? string.Empty : $" ({error.Message}, line {error.Location.Line})") +
                "; the answer depends on it and uses only the statements that could be read";
        }
    }

    private static bool IsSession(string arn)
        => Arn.TryParse(arn, out var parsed) && parsed.Service == "sts" && parsed.Resource.StartsWith("assumed-role/", StringComparison.Ordinal);

    /// <summary>The resource's owner (null when unknown), its policy, whether RCPs apply to it, and what is unknown about it.</summary>
    private sealed record ResourceSide(string? AccountId, NamedPolicy? Policy, bool ResourceControlApplies, ImmutableArray<string> Notes)
    {
        /// <summary>The S3 Block Public Access settings in force for the resource's bucket; null when none or not a bucket.</summary>
        public BlockPublicAccessSettings? BlockPublicAccess { get; init; }

        /// <summary>The bucket's Object Ownership; null when unknown or not a bucket.</summary>
        public ObjectOwnership? ObjectOwnership { get; init; }
    }
}
