using System.Collections.Immutable;
using System.Globalization;
using PolicyEngine.Evaluation;

namespace Governance.Core.Risk;

/// <summary>
/// A subject's account and the texts of its identity policies and boundary, in order: subjects with equal keys are
/// allowed the same, whatever their policies are named, so their effective access is worked out once
/// (<see cref="ByPosition"/>) and each one's findings name its own policies (<see cref="Rebind"/>).
/// </summary>
/// <param name="AccountId">The subject's account: a pattern with a wildcard account is decided as owned there.</param>
/// <param name="Texts">The identity policies' documents, in the set's order.</param>
/// <param name="Boundary">The boundary's document; null for none.</param>
internal sealed record PolicyTextsKey(string AccountId, ImmutableArray<string> Texts, string? Boundary)
{
    private const string BoundaryName = "#boundary";

    private int? _hash;

    /// <summary>The key of <paramref name="subject"/>; null when a policy depends on who the principal is or does not parse, so nothing is shared.</summary>
    public static PolicyTextsKey? Of(Subject subject)
    {
        var principal = subject.Principal!;
        var policies = subject.Policies.IdentityPolicies.Append(subject.Policies.PermissionsBoundary).OfType<NamedPolicy>();
        if (policies.Any(static p => p.Document is not { } d || d.Statements.Any(PrincipalSpecific)))
        {
            return null;
        }
        return new PolicyTextsKey(subject.AccountId, [.. principal.IdentityPolicies.Select(static p => p.Document)], principal.PermissionsBoundary?.Document);
    }

    /// <summary>Whether a statement allows or denies by who the principal is (a policy variable, an <c>aws:Principal…</c> or <c>aws:user…</c> key): then only that principal's documents decide alike.</summary>
    private static bool PrincipalSpecific(PolicyEngine.Model.Statement statement)
        => statement.Resource?.Values.Any(static v => v.Value.Contains("${", StringComparison.Ordinal)) == true
            || statement.Conditions.Any(static c => c.Key.StartsWith("aws:Principal", StringComparison.OrdinalIgnoreCase)
                || c.Key.StartsWith("aws:user", StringComparison.OrdinalIgnoreCase)
                || c.Values.Any(static v => v.Value.Contains("${", StringComparison.Ordinal)));

    /// <summary><paramref name="set"/> with its identity policies named <c>#0</c>, <c>#1</c>, ... and its boundary <c>#boundary</c>.</summary>
    public static PolicySet ByPosition(PolicySet set) => set with
    {
        IdentityPolicies = [.. set.IdentityPolicies.Select(static (p, i) => NamedPolicy.FromDocument(string.Create(CultureInfo.InvariantCulture, $"#{i}"), p.Document!))],
        PermissionsBoundary = set.PermissionsBoundary is { Document: { } boundary } ? NamedPolicy.FromDocument(BoundaryName, boundary) : null,
    };

    /// <summary>A finding worked out by position, made <paramref name="subject"/>'s: its ARN, and its policies' names in the evidence.</summary>
    public static Finding Rebind(Finding finding, Subject subject) => finding with
    {
        Path = [.. finding.Path.Select(_ => subject.Arn)],
        Evidence = [.. finding.Evidence.Select(e => e with { Principal = subject.Arn, Policy = NameOf(e.Policy, subject.Policies) })],
    };

    private static string NameOf(string positional, PolicySet set)
    {
        if (positional == BoundaryName)
        {
            return set.PermissionsBoundary?.Name ?? positional;
        }
        return positional.StartsWith('#') && int.TryParse(positional.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < set.IdentityPolicies.Length
            ? set.IdentityPolicies[i].Name
            : positional;
    }

    public bool Equals(PolicyTextsKey? other)
        => other is not null && string.Equals(AccountId, other.AccountId, StringComparison.Ordinal)
            && string.Equals(Boundary, other.Boundary, StringComparison.Ordinal)
            && Texts.AsSpan().SequenceEqual(other.Texts.AsSpan(), StringComparer.Ordinal);

    // Keys are looked up for every principal and every trust text a caller meets: the documents are hashed once.
    public override int GetHashCode() => _hash ??= Hash();

    private int Hash()
    {
        var hash = new HashCode();
        hash.Add(AccountId, StringComparer.Ordinal);
        hash.Add(Boundary, StringComparer.Ordinal);
        foreach (var text in Texts)
        {
            hash.Add(text, StringComparer.Ordinal);
        }
        return hash.ToHashCode();
    }
}
