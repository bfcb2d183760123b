using System.Text.RegularExpressions;
using PolicyEngine.Catalog;
using PolicyEngine.Model;

namespace Governance.Core.Risk;

/// <summary>Concrete ARNs to decide an action on when the audit has no real resource for it.</summary>
/// <remarks>
/// Two sources: each resource pattern the principal's own policies name for the action, made concrete (a wildcard region
/// becomes <c>us-east-1</c>, a wildcard account the principal's, a wildcard name <c>iamgov-probe</c>), since the
/// principal may create or pick a resource of that name; and the action's resource type's ARN format filled the same way.
/// A pattern pinned to another account or an AWS-owned name stays as written, so it never stands for the principal's own.
/// </remarks>
internal static partial class ProbeArns
{
    private const string Name = "iamgov-probe";

    public static IEnumerable<string> For(string action, IEnumerable<string> patterns, string account)
    {
        foreach (var pattern in patterns)
        {
            if (pattern != "*" && Concrete(pattern, account) is { } arn)
            {
                yield return arn;
            }
        }
        yield return Representative(action, account);
    }

    public static string Representative(string action, string account)
    {
        if (!ActionCatalog.Default.TryGetAction(action, out var info) || info!.ResourceTypes.IsEmpty)
        {
            return "*";
        }
        var type = info.ResourceTypes.FirstOrDefault(static t => t.Required) ?? info.ResourceTypes[0];
        return Placeholder().Replace(type.ResourceType.ArnFormat, m => m.Groups[1].Value switch
        {
            "Partition" => "aws",
            "Region" => "us-east-1",
            "Account" => account,
            _ => Name,
        });
    }

    private static string? Concrete(string pattern, string account)
    {
        if (!Arn.TryParse(pattern, out var arn))
        {
            return null;
        }
        var partition = HasWildcard(arn.Partition) ? "aws" : arn.Partition;
        var region = HasWildcard(arn.Region) ? "us-east-1" : arn.Region;
        var owner = HasWildcard(arn.Account) ? account : arn.Account;
        var resource = arn.Resource.Replace("*", Name, StringComparison.Ordinal).Replace('?', 'x');
        return $"arn:{partition}:{arn.Service}:{region}:{owner}:{resource}";
    }

    private static bool HasWildcard(string text) => text.AsSpan().IndexOfAny('*', '?') >= 0;

    [GeneratedRegex(@"\$\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
