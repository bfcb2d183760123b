using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace Governance.Core.Risk;

/// <summary>
/// The roles of one trust policy text that a caller may assume, in the order the audit meets them, each with the
/// condition keys its edge depends on (empty when it holds for every request).
/// </summary>
/// <remarks>
/// The run keeps one of each (<see cref="Comparer"/>): callers that reach the same roles alike share it. A chain search
/// that has taken one such set of edges skips it when it meets it again, since every role in it is already seen: at 5,000
/// roles each of the 300 callers allowed <c>sts:AssumeRole</c> on <c>role-*</c> reaches the same 1,250 roles, which a
/// search would otherwise go through once for every such caller it reaches. It may hold the caller itself (a role
/// whose trust names its own account): the caller's edges leave it out (<see cref="RoleEdges"/>).
/// </remarks>
internal sealed class EdgeTargets(ImmutableArray<Subject> roles, ImmutableArray<ImmutableArray<string>> conditionKeys)
{
    public ImmutableArray<Subject> Roles { get; } = roles;

    public ImmutableArray<ImmutableArray<string>> ConditionKeys { get; } = conditionKeys;

    /// <summary>Equal when they hold the same roles (the same subjects) in the same order with the same condition keys.</summary>
    public static IEqualityComparer<EdgeTargets> Comparer { get; } = new ContentComparer();

    private sealed class ContentComparer : IEqualityComparer<EdgeTargets>
    {
        public bool Equals(EdgeTargets? x, EdgeTargets? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }
            if (x is null || y is null || x.Roles.Length != y.Roles.Length)
            {
                return false;
            }
            for (var i = 0; i < x.Roles.Length; i++)
            {
                if (!ReferenceEquals(x.Roles[i], y.Roles[i]) || !x.ConditionKeys[i].AsSpan().SequenceEqual(y.ConditionKeys[i].AsSpan(), StringComparer.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }

        public int GetHashCode(EdgeTargets obj)
        {
            var hash = new HashCode();
            foreach (var role in obj.Roles)
            {
                hash.Add(RuntimeHelpers.GetHashCode(role));
            }
            foreach (var keys in obj.ConditionKeys)
            {
                hash.Add(keys.Length);
            }
            return hash.ToHashCode();
        }
    }
}
