using System.Text.Json;
using TestSupport.Accounts;
using static TestSupport.Cli.CliRunner;

namespace Governance.Cli.Tests.Audit;

/// <summary><c>iamgov audit --role-graph FILE</c> and the chains it summarises, on the generated account (its rules are in <see cref="GeneratedAccount"/>).</summary>
public sealed class AuditRoleGraphTests : IDisposable
{
    private const string Prefix = "arn:aws:iam::123456789012:role/";
    private readonly string _folder = Directory.CreateTempSubdirectory("iamgov-graph-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Account()
    {
        var file = Path.Combine(_folder, "account.json");
        File.WriteAllText(file, GeneratedAccount.Json(200));
        return file;
    }

    [Fact]
    public void Audit_RoleGraph_WritesEveryEdgeAndTheReportSummarisesThem()
    {
        // Arrange
        var account = Account();
        var graphFile = Path.Combine(_folder, "graph.json");

        // Act
        var (code, output, error) = Run("audit", "--account", account, "--role-graph", graphFile, "-o", "json");

        // Assert: role-13 may assume role-*; the roles trusting the account are every fourth from role-3.
        Assert.Equal((0, ""), (code, error));
        using var graph = JsonDocument.Parse(File.ReadAllText(graphFile));
        Assert.Equal(200, graph.RootElement.GetProperty("nodeCount").GetInt32());
        var fromRole13 = graph.RootElement.GetProperty("edges").EnumerateArray()
            .Where(static e => e.GetProperty("from").GetString() == Prefix + "role-13")
            .Select(static e => e.GetProperty("to").GetString()).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Enumerable.Range(0, 50).Select(static k => $"{Prefix}role-{(4 * k) + 3}").Order(StringComparer.Ordinal), fromRole13);
        Assert.Equal(graph.RootElement.GetProperty("edgeCount").GetInt32(), graph.RootElement.GetProperty("edges").GetArrayLength());

        // Two administrators are in reach (role-51 may assume role-50, role-151 role-150): one finding, one other chain.
        using var report = JsonDocument.Parse(output);
        var role13 = report.RootElement.GetProperty("principals").EnumerateArray().Single(static p => p.GetProperty("name").GetString() == "role-13");
        var toAdmin = Assert.Single(role13.GetProperty("findings").EnumerateArray().ToArray(), static f => f.TryGetProperty("pathId", out var id) && id.GetString() == "sts-assume-role");
        Assert.Equal(1, toAdmin.GetProperty("otherChains").GetInt32());
        Assert.Equal([Prefix + "role-13", Prefix + "role-51", Prefix + "role-50"], toAdmin.GetProperty("path").EnumerateArray().Select(static p => p.GetString()));
    }

    [Fact]
    public void Audit_RoleGraphIntoAFolder_FailsClearlyAndLeavesNothing()
    {
        // Arrange
        var account = Account();

        // Act
        var (code, _, error) = Run("audit", "--account", account, "--role-graph", _folder, "-o", "json");

        // Assert
        Assert.Equal(2, code);
        Assert.Contains("--role-graph", error, StringComparison.Ordinal);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal(["account.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }
}
