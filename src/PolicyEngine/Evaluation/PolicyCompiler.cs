using System.Collections.Immutable;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation.Conditions;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>Compiles a <see cref="PolicySet"/> once into a <see cref="CompiledPolicySet"/> that evaluates requests fast.</summary>
/// <remarks>
/// Never throws for any policy content. A policy with grammar errors is reported in
/// <see cref="CompiledPolicySet.Errors"/> and its statements that could be read are still used, so a Deny is never
/// silently dropped because a neighbouring statement is malformed.
/// </remarks>
public static class PolicyCompiler
{
    /// <summary>AWS allows the root, five levels of OUs and the account; the tally keeps one bit per level.</summary>
    internal const int MaxLevels = 64;

    /// <summary>Compiles <paramref name="policies"/>.</summary>
    public static CompiledPolicySet Compile(PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var builder = new Builder(callerHasBoundary: policies.PermissionsBoundary is not null);
        foreach (var policy in policies.IdentityPolicies)
        {
            builder.Add(policy, PolicyType.Identity, null);
        }
        if (policies.PermissionsBoundary is { } boundary)
        {
            builder.Add(boundary, PolicyType.PermissionsBoundary, null);
        }
        if (policies.SessionPolicy is { } session)
        {
            builder.Add(session, PolicyType.Session, null);
        }
        var scpLevels = builder.AddLevels(policies.ServiceControlPolicies, PolicyType.ServiceControl);
        var rcpLevels = builder.AddLevels(policies.ResourceControlPolicies, PolicyType.ResourceControl);
        if (policies.ResourcePolicy is { } resource)
        {
            builder.Add(resource, PolicyType.Resource, null);
        }
        if (policies.AccessPoint?.Policy is { } accessPointPolicy)
        {
            builder.Add(accessPointPolicy, PolicyType.AccessPoint, null);
        }
        if (policies.VpcEndpointPolicy is { } endpoint)
        {
            builder.Add(endpoint, PolicyType.VpcEndpoint, null);
        }
        var aclsDisabled = policies.ObjectOwnership == ObjectOwnership.BucketOwnerEnforced;
        var ignorePublicAcls = policies.BlockPublicAccess is { IgnorePublicAcls: true };
        builder.AddAcl(policies.BucketAcl, onBucket: true, aclsDisabled, ignorePublicAcls);
        builder.AddAcl(policies.ObjectAcl, onBucket: false, aclsDisabled, ignorePublicAcls);
        // Decided once here, not per request, and only when the setting that uses it is on.
        var restrictsPublicPolicy = policies.BlockPublicAccess is { RestrictPublicBuckets: true }
            && policies.ResourcePolicy?.Document is { } bucketPolicy && PublicPolicyRule.IsPublic(bucketPolicy);
        var statements = builder.Statements.ToArray();
        return new CompiledPolicySet(
            statements,
            ActionIndex.Build(statements),
            [.. builder.Errors],
            hasBoundary: policies.PermissionsBoundary is not null,
            hasSessionPolicy: policies.SessionPolicy is not null,
            serviceControlLevels: scpLevels,
            hasResourceControlPolicies: rcpLevels > 0,
            hasResourcePolicy: policies.ResourcePolicy is not null,
            managementAccount: string.IsNullOrEmpty(policies.ManagementAccount) ? null : policies.ManagementAccount,
            accessPoint: policies.AccessPoint,
            hasVpcEndpointPolicy: policies.VpcEndpointPolicy is not null)
        {
            RestrictsPublicPolicy = restrictsPublicPolicy,
        };
    }

    /// <summary>
    /// <paramref name="compiled"/> with <paramref name="resourcePolicy"/> as the resource's policy: the same set that
    /// <see cref="Compile"/> gives for the policies with that resource policy, without compiling the others again.
    /// </summary>
    /// <remarks>
    /// Only for a set compiled with nothing in the places after the resource policy (no resource policy yet, no access
    /// point, VPC endpoint policy, ACLs or Block Public Access): the resource policy's statements then come last, as
    /// <see cref="Compile"/> orders them, and their principals are compiled for the same caller boundary.
    /// </remarks>
    internal static CompiledPolicySet WithResourcePolicy(CompiledPolicySet compiled, NamedPolicy resourcePolicy)
    {
        var builder = new Builder(callerHasBoundary: compiled.HasBoundary);
        builder.Statements.AddRange(compiled.Statements);
        builder.Errors.AddRange(compiled.Errors);
        builder.Add(resourcePolicy, PolicyType.Resource, null);
        var statements = builder.Statements.ToArray();
        return new CompiledPolicySet(
            statements,
            ActionIndex.Build(statements),
            [.. builder.Errors],
            hasBoundary: compiled.HasBoundary,
            hasSessionPolicy: compiled.HasSessionPolicy,
            serviceControlLevels: compiled.ServiceControlLevels,
            hasResourceControlPolicies: compiled.HasResourceControlPolicies,
            hasResourcePolicy: true,
            managementAccount: compiled.ManagementAccount,
            accessPoint: null,
            hasVpcEndpointPolicy: false);
    }

    private sealed class Builder(bool callerHasBoundary)
    {
        public List<CompiledStatement> Statements { get; } = [];

        public List<PolicyError> Errors { get; } = [];

        public int AddLevels(ImmutableArray<ImmutableArray<NamedPolicy>> levels, PolicyType type)
        {
            if (levels.IsDefaultOrEmpty)
            {
                return 0;
            }
            for (var level = 0; level < levels.Length; level++)
            {
                if (level >= MaxLevels)
                {
                    var name = levels[level].IsDefaultOrEmpty ? string.Empty : levels[level][0].Name;
                    Errors.Add(new PolicyError(type, name, level, new Diagnostic("IAM9001", Severity.Error,
                        $"more than {MaxLevels} organization levels; the levels below are ignored", SourceLocation.Root)));
                    return MaxLevels;
                }
                foreach (var policy in levels[level].IsDefault ? [] : levels[level])
                {
                    Add(policy, type, level);
                }
            }
            return levels.Length;
        }

        /// <summary>
        /// Adds an ACL's grants as statements; those S3 ignores (every grant when <paramref name="disabled"/>, public
        /// ones when <paramref name="ignorePublic"/>) are kept for the explanation but never apply.
        /// </summary>
        public void AddAcl(ImmutableArray<AclGrant> grants, bool onBucket, bool disabled, bool ignorePublic)
        {
            if (grants.IsDefaultOrEmpty)
            {
                return;
            }
            var granting = AclPolicies.Granting(grants, onBucket);
            Add(AclPolicies.ToPolicy(grants, onBucket), PolicyType.AccessControlList, null,
                statement => disabled || (ignorePublic && granting[statement.Index].IsPublic));
        }

        public void Add(NamedPolicy policy, PolicyType type, int? level, Func<Statement, bool>? isDisabled = null)
        {
            ArgumentNullException.ThrowIfNull(policy);
            foreach (var diagnostic in policy.Diagnostics)
            {
                if (diagnostic.Severity == Severity.Error)
                {
                    Errors.Add(new PolicyError(type, policy.Name, level, diagnostic));
                }
            }
            if (policy.Document is not { } document)
            {
                return;
            }
            var variables = document.SupportsPolicyVariables;
            foreach (var statement in document.Statements)
            {
                var reference = new StatementRef(type, policy.Name, level, statement.Index, statement.Sid,
                    statement.Location.Path, statement.Location.Line, statement.Location.Column);
                Statements.Add(new CompiledStatement(
                    Statements.Count,
                    reference,
                    statement.Effect,
                    ActionMatcher.Create(statement.Action),
                    statement.Resource is { } resource ? ResourceMatcher.Create(resource, variables) : null,
                    CompilePrincipal(statement, type),
                    [.. statement.Conditions.Select(c => CompiledCondition.Compile(c, variables))])
                {
                    IsDisabled = isDisabled?.Invoke(statement) ?? false,
                });
            }
        }

        private PrincipalMatcher? CompilePrincipal(Statement statement, PolicyType type) => type switch
        {
            // A resource policy's statement names whom it governs; without a Principal it governs nobody.
            PolicyType.Resource or PolicyType.AccessPoint => statement.Principal is { } p ? PrincipalMatcher.Create(p, callerHasBoundary) : PrincipalMatcher.Nobody,
            // An ACL grant's statement names its grantee; NotPrincipal never occurs, so the boundary does not matter.
            PolicyType.AccessControlList => statement.Principal is { } grantee ? PrincipalMatcher.Create(grantee, callerHasBoundary: false) : PrincipalMatcher.Nobody,
            // RCPs must say "Principal": "*"; an absent element is read the same way.
            PolicyType.ResourceControl => statement.Principal is { } p ? PrincipalMatcher.Create(p, callerHasBoundary) : null,
            // An endpoint policy must name a principal; its account entry means the account's root user only.
            PolicyType.VpcEndpoint => statement.Principal is { } p
                ? PrincipalMatcher.Create(p, callerHasBoundary, accountMeansRoot: true)
                : PrincipalMatcher.Nobody,
            // Identity policies, boundaries, session policies and SCPs apply to the caller they are attached to.
            _ => null,
        };
    }
}
