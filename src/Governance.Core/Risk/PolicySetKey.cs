using System.Collections.Immutable;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>
/// A principal's identity policies and boundary, compared by identity: the audit's <see cref="Accounts.PolicyLibrary"/>
/// parses each (name, text) once, so two principals hold the same policy objects exactly when their policies are the same.
/// </summary>
/// <param name="Policies">The policies in set order; null for an absent boundary.</param>
internal sealed record PolicySetKey(ImmutableArray<NamedPolicy?> Policies)
{
    public bool Equals(PolicySetKey? other)
    {
        if (other is null || other.Policies.Length != Policies.Length)
        {
            return false;
        }
        for (var i = 0; i < Policies.Length; i++)
        {
            if (!ReferenceEquals(Policies[i], other.Policies[i]))
            {
                return false;
            }
        }
        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var policy in Policies)
        {
            hash.Add(policy is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(policy));
        }
        return hash.ToHashCode();
    }
}
