using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Policies.PermissionSets;
using TestSupport.Accounts;

namespace Governance.Core.Tests.Drift;

/// <summary>Drift over a generated account and the same roles as code: every comparison at once, without false findings.</summary>
public sealed class DriftAtScaleTests
{
    private const int Roles = 200;

    [Fact]
    public void Compare_GeneratedAccountAgainstItsOwnCode_OnlyTheDeliberateDrifts()
    {
        // Arrange: role-5 left out of code, role-8's tag changed in code, one role only in code
        var errors = new List<PolicyFileError>();
        var definitions = Enumerable.Range(0, Roles).Where(static i => i != 5)
            .Select(i => GeneratedAccount.RoleDefinition(i, Roles))
            .Select(json => json.Contains("\"name\":\"role-8\"", StringComparison.Ordinal) ? json.Replace("team-1", "team-x", StringComparison.Ordinal) : json)
            .Append(GeneratedAccount.RoleDefinition(Roles, Roles + 1))
            .Select((json, n) => RoleDefinitionLoader.Read($"role-{n}.json", json, errors))
            .ToList();
        Assert.Empty(errors);
        var actual = Risk.LabAudit.State(GeneratedAccount.Json(Roles));

        // Act
        var findings = DriftCalculator.Compare(new DesiredState([.. definitions.OfType<RoleDefinition>()], []), actual, Risk.LabAudit.AsOf);

        // Assert
        Assert.Equal(
            [
                (DriftKind.UnmanagedPrincipal, $"arn:aws:iam::{GeneratedAccount.Account}:role/role-5"),
                (DriftKind.MissingPrincipal, $"arn:aws:iam::{GeneratedAccount.Account}:role/role-{Roles}"),
                (DriftKind.PolicyDrift, $"arn:aws:iam::{GeneratedAccount.Account}:role/role-8"),
            ],
            findings.Select(static f => (f.Kind, f.Principal)).Order());
        Assert.StartsWith("tags differ from code", findings.Single(static f => f.Kind == DriftKind.PolicyDrift).Detail, StringComparison.Ordinal);
    }
}
