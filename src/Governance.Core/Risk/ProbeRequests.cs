using PolicyEngine.Catalog;
using PolicyEngine.Model;

namespace Governance.Core.Risk;

/// <summary>
/// The requests to decide for one resource: every catalogue action of its service that its policy's Allow statements
/// could grant, on each concrete resource (the bucket and objects, the key, the queue, ...) of a type the action takes.
/// </summary>
/// <remarks>
/// The policy only proposes candidates; the engine decides each. Object keys come from the policy's own patterns made
/// concrete (<c>lake/public/*</c> becomes <c>lake/public/iamgov-probe</c>), so a grant on a prefix is found.
/// </remarks>
internal static class ProbeRequests
{
    private const string ProbeName = "iamgov-probe";
    private const int MaxResources = 6;

    /// <summary>The (action, resource) pairs to decide.</summary>
    /// <param name="document">The resource's policy.</param>
    /// <param name="service">The resource's service prefix: only its actions act on it.</param>
    /// <param name="resources">The concrete resources to decide them on.</param>
    public static IEnumerable<(string Action, string Resource)> For(PolicyDocument? document, string service, IReadOnlyList<string> resources)
    {
        var actions = new SortedDictionary<string, ActionInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var statement in (document?.Statements ?? []).Where(static s => s.Effect == Effect.Allow && MayGrantOutside(s)))
        {
            var patterns = statement.Action.IsNot ? [$"{service}:*"] : statement.Action.Values.Select(static v => v.Value);
            foreach (var info in patterns.SelectMany(static p => ActionCatalog.Default.Expand(p)))
            {
                if (string.Equals(info.ServicePrefix, service, StringComparison.OrdinalIgnoreCase))
                {
                    actions.TryAdd(info.FullName, info);
                }
            }
        }
        foreach (var info in actions.Values)
        {
            foreach (var resource in resources.Where(r => info.ResourceTypes.Any(t => t.ResourceType.Matches(r))))
            {
                yield return (info.FullName, resource);
            }
        }
    }

    /// <summary>The bucket and the objects its policy's Allow statements name, made concrete, or one object when they name none.</summary>
    public static IReadOnlyList<string> BucketResources(string bucketArn, PolicyDocument? document)
    {
        var objects = Patterns(document)
            .Where(p => p.StartsWith(bucketArn + "/", StringComparison.Ordinal))
            .Select(Concrete)
            .Append($"{bucketArn}/{ProbeName}");
        return [bucketArn, .. objects.Distinct(StringComparer.Ordinal).Take(MaxResources - 1)];
    }

    /// <summary>The resource and the resources of its service and account its policy's Allow statements name (a catalog's databases and tables).</summary>
    public static IReadOnlyList<string> OwnResources(string arn, PolicyDocument? document)
    {
        if (!Arn.TryParse(arn, out var own))
        {
            return [arn];
        }
        var related = Patterns(document)
            .Where(p => Arn.TryParse(p, out var named) && named.Service == own.Service
                && (named.Account == own.Account || named.Account.Contains('*', StringComparison.Ordinal)))
            .Select(p => Concrete(Arn.Parse(p), own));
        return [arn, .. related.Where(r => r != arn).Distinct(StringComparer.Ordinal).Take(MaxResources - 1)];
    }

    /// <summary>A statement a caller from outside may match: one naming <c>*</c>, an AWS or service principal, or using NotPrincipal.</summary>
    private static bool MayGrantOutside(Statement statement)
        => statement.Principal is not { } principal || principal.IsNot || principal.IsWildcard
           || principal.Entries.Any(static e => e.Type is PrincipalType.Aws or PrincipalType.Service);

    private static IEnumerable<string> Patterns(PolicyDocument? document)
        => (document?.Statements ?? [])
            .Where(static s => s.Effect == Effect.Allow && s.Resource is { IsNot: false })
            .SelectMany(static s => s.Resource!.Values.Select(static v => v.Value));

    private static string Concrete(string pattern) => pattern.Replace("*", ProbeName, StringComparison.Ordinal).Replace('?', 'x');

    private static string Concrete(Arn pattern, Arn own)
    {
        var region = pattern.Region.Contains('*', StringComparison.Ordinal) ? own.Region : pattern.Region;
        return $"arn:{own.Partition}:{own.Service}:{region}:{own.Account}:{Concrete(pattern.Resource)}";
    }
}
