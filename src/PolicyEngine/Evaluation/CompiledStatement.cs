using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>One statement, compiled: every element in the form it is matched in.</summary>
/// <remarks>Immutable; shared by every request evaluated against its <see cref="CompiledPolicySet"/>.</remarks>
internal sealed class CompiledStatement
{
    public CompiledStatement(int id, StatementRef reference, Effect effect, ActionMatcher action, ResourceMatcher? resource,
        PrincipalMatcher? principal, CompiledCondition[] conditions)
    {
        Id = id;
        Ref = reference;
        Effect = effect;
        Action = action;
        Resource = resource;
        Principal = principal;
        Conditions = conditions;
        Level = reference.Level ?? 0;
    }

    /// <summary>Position in the set's statement list.</summary>
    public int Id { get; }

    /// <summary>Where the statement is written.</summary>
    public StatementRef Ref { get; }

    /// <summary>The role of the statement's policy.</summary>
    public PolicyType Type => Ref.PolicyType;

    /// <summary>SCP or RCP level; 0 for other types.</summary>
    public int Level { get; }

    /// <summary>Allow or Deny.</summary>
    public Effect Effect { get; }

    /// <summary>Action or NotAction.</summary>
    public ActionMatcher Action { get; }

    /// <summary>Resource or NotResource; null when the statement has neither (trust policies): every resource.</summary>
    public ResourceMatcher? Resource { get; }

    /// <summary>Principal or NotPrincipal for resource policies and RCPs; null where the principal is implied.</summary>
    public PrincipalMatcher? Principal { get; }

    /// <summary>The Condition block's clauses; all must hold.</summary>
    public CompiledCondition[] Conditions { get; }

    /// <summary>
    /// Compiled only to be explained: an ACL grant S3 ignores (all ACLs under <c>BucketOwnerEnforced</c>, public ones
    /// under <c>IgnorePublicAcls</c>). It never applies to a request.
    /// </summary>
    public bool IsDisabled { get; init; }

    /// <summary>
    /// An RCP Allow: AWS supports Allow only in the implicit <c>RCPFullAWSAccess</c>, which allows everything, so such a
    /// statement never changes a decision.
    /// </summary>
    public bool IsInert => Effect == Effect.Allow && Type == PolicyType.ResourceControl;

    /// <summary>
    /// Whether the statement applies to <paramref name="request"/>, its action aside: principal, resource, conditions.
    /// </summary>
    /// <returns>How it names the caller; <see cref="PrincipalMatch.None"/> when it does not apply.</returns>
    public PrincipalMatch Applies(AuthorizationRequest request)
    {
        var match = PrincipalMatch.Direct;
        if (Principal is not null)
        {
            match = Principal.Match(request.Caller);
            if (match == PrincipalMatch.None)
            {
                return PrincipalMatch.None;
            }
        }
        if (Resource is not null && !Resource.Matches(request.Resource, request.Context, out _))
        {
            return PrincipalMatch.None;
        }
        foreach (var condition in Conditions)
        {
            if (!condition.Evaluate(request.Context).Matched)
            {
                return PrincipalMatch.None;
            }
        }
        return match;
    }
}
