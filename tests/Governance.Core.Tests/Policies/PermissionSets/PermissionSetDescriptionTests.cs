using System.Text.RegularExpressions;
using Governance.Core.Policies;
using TestSupport.Paths;

namespace Governance.Core.Tests.Policies.PermissionSets;

/// <summary>What the repository's permission sets say of themselves agrees with what decides (issue 14: descriptions must not contradict the rules).</summary>
public sealed partial class PermissionSetDescriptionTests
{
    public static TheoryData<string> Sets => [.. GovernancePolicies.Load(RepositoryPaths.Policies).PermissionSets.All.Select(static s => s.Name)];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Description_NamingANumberOfApprovers_MatchesTheSetsOwnApprovalsRequired(string name)
    {
        var set = GovernancePolicies.Load(RepositoryPaths.Policies).PermissionSets.Find(name)!;

        var named = ApproverCount().Match(set.Description);

        if (named.Success)
        {
            var count = Array.IndexOf(["one", "two", "three", "four"], named.Groups[1].Value.ToLowerInvariant()) + 1;
            Assert.True(count == set.ApprovalsRequired,
                $"`{name}` says \"{named.Value}\" but asks for {set.ApprovalsRequired} approval(s) itself");
        }
        else
        {
            Assert.DoesNotContain("approver", set.Description, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"\b(one|two|three|four) approvers?\b", RegexOptions.IgnoreCase)]
    private static partial Regex ApproverCount();
}
