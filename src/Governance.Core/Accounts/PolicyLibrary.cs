using System.Collections.Concurrent;
using PolicyEngine.Evaluation;

namespace Governance.Core.Accounts;

/// <summary>Parses each policy document of an account state once, however many principals share it.</summary>
/// <remarks>Thread-safe: the API answers questions concurrently from one library.</remarks>
internal sealed class PolicyLibrary
{
    private readonly ConcurrentDictionary<(string Name, string Document), NamedPolicy> _parsed = new();

    public NamedPolicy Get(string name, string document)
        => _parsed.GetOrAdd((name, document), static key => NamedPolicy.Parse(key.Name, key.Document));

    public PolicySet For(ResolvedPrincipal principal) => new()
    {
        IdentityPolicies = [.. principal.IdentityPolicies.Select(p => Get(p.Name, p.Document))],
        PermissionsBoundary = principal.PermissionsBoundary is { } b ? Get(b.Name, b.Document) : null,
    };

    public PolicySet For(IamGroup group, AccountState state)
    {
        var inline = group.InlinePolicies.Select(p => Get(p.PolicyName, p.Document));
        var attached = group.AttachedPolicies
            .Select(a => state.FindPolicy(a.PolicyArn))
            .Where(static p => p?.DefaultVersion is not null)
            .Select(p => Get(p!.PolicyName, p.DefaultVersion!.Document));
        return new PolicySet { IdentityPolicies = [.. inline.Concat(attached)] };
    }
}
