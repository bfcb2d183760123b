using System.Security.Cryptography;
using System.Text;
using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

public sealed class RenameTests
{
    [Fact]
    public void Analyze_EveryPrincipalRenamedToAHash_GivesTheSameVerdicts()
    {
        // Arrange: every user, role and group name becomes a hash, everywhere it appears (ARNs in trust policies too).
        var read = AccountSnapshotReaderProbe.Names(LabAudit.Text);
        var renamed = LabAudit.Text;
        foreach (var name in read.OrderByDescending(static n => n.Length))
        {
            var hash = "x" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..16].ToLowerInvariant();
            renamed = renamed.Replace($"\"{name}\"", $"\"{hash}\"", StringComparison.Ordinal)
                .Replace($"/{name}\"", $"/{hash}\"", StringComparison.Ordinal);
        }
        Assert.DoesNotContain("privesc1-CreateNewPolicyVersion-user", renamed, StringComparison.Ordinal);

        // Act
        var original = LabAudit.Result;
        var audit = LabAudit.Audit(renamed);

        // Assert
        Assert.Equal(original.Principals.Length, audit.Principals.Length);
        for (var i = 0; i < audit.Principals.Length; i++)
        {
            Assert.Equal(Verdicts(original.Principals[i]), Verdicts(audit.Principals[i]));
        }
    }

    private static string Verdicts(PrincipalRisks principal)
        => string.Join(", ", principal.Findings.Select(static f => $"{f.Category}/{f.Severity}/{f.PathId}/{f.Path.Length}").Order(StringComparer.Ordinal));
}
