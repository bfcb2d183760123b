using System.Text;
using CsCheck;
using Governance.Core.Risk;

namespace Governance.Core.Tests.Risk;

/// <summary>
/// The chain summary against the whole role graph it summarises, on generated accounts: a breadth-first search over the
/// graph's edges (written here, not taken from the analysis) must find the same kinds of power, the same counts, and
/// for an administrator the same shortest distance.
/// </summary>
public sealed class RoleChainPropertyTests
{
    private const string Account = "123456789012";

    private static readonly string[] Policies =
    [
        """{"Effect":"Allow","Action":"*","Resource":"*"}""",
        """{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::123456789012:role/role-*"}""",
        """{"Effect":"Allow","Action":["iam:PassRole","lambda:CreateFunction","lambda:InvokeFunction"],"Resource":"*"}""",
        """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::lake/*"}""",
        """{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"*"}""",
    ];

    /// <summary>One role: its policy (an index into <see cref="Policies"/>, or -1 for AssumeRole on one named role) and whom its trust names.</summary>
    private sealed record GenRole(int Policy, int AssumeTarget, int TrustKind, int TrustRole);

    private static readonly Gen<GenRole[]> Roles =
        Gen.Select(Gen.Int[-1, Policies.Length - 1], Gen.Int[0, 11], Gen.Int[0, 3], Gen.Int[0, 11], static (p, a, k, t) => new GenRole(p, a, k, t)).Array[2, 12];

    private static string Json(GenRole[] roles)
    {
        var json = new StringBuilder("""{"UserDetailList":[],"GroupDetailList":[],"Policies":[],"RoleDetailList":[""");
        for (var i = 0; i < roles.Length; i++)
        {
            var role = roles[i];
            var policy = role.Policy < 0
                ? $$"""{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::{{Account}}:role/role-{{role.AssumeTarget % roles.Length}}"}"""
                : Policies[role.Policy];
            var principal = role.TrustKind switch
            {
                0 => $$"""{"AWS":"arn:aws:iam::{{Account}}:root"}""",
                1 => $$"""{"AWS":"arn:aws:iam::{{Account}}:role/role-{{role.TrustRole % roles.Length}}"}""",
                2 => """{"Service":"lambda.amazonaws.com"}""",
                _ => """{"Service":"ec2.amazonaws.com"}""",
            };
            json.Append(i > 0 ? "," : "").Append($$$"""{"Path":"/","RoleName":"role-{{{i}}}","RoleId":"AROA{{{i:D16}}}","Arn":"arn:aws:iam::{{{Account}}}:role/role-{{{i}}}","AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{{principal}}},"Action":"sts:AssumeRole"}]},"InstanceProfileList":[],"RolePolicyList":[{"PolicyName":"p{{{i}}}","PolicyDocument":{"Version":"2012-10-17","Statement":[{{{policy}}}]}}],"AttachedManagedPolicies":[],"Tags":[]}""");
        }
        return json.Append("]}").ToString();
    }

    [Fact]
    public void Audit_GeneratedAccounts_ChainSummaryAgreesWithASearchOfTheGraph()
    {
        Roles.Sample(roles =>
        {
            // Arrange
            var state = LabAudit.State(Json(roles));

            // Act
            var audit = AccountAnalyzer.Analyze(state, new RiskAnalysisOptions(LabAudit.AsOf) { IncludeRoleGraph = true, Parallelism = 1 });

            // Assert
            var graph = audit.RoleGraph!;
            var nodes = graph.Nodes.ToDictionary(static n => n.Arn, StringComparer.Ordinal);
            var edges = graph.Edges.ToLookup(static e => e.From, static e => e.To, StringComparer.Ordinal);
            foreach (var principal in audit.Principals.Where(p => !nodes[p.Arn].Administrator))
            {
                var expected = Expected(principal.Arn, nodes, edges, depth: 4);
                var actual = principal.Findings.Where(static f => f.Path.Length > 1 && f.Actions.FirstOrDefault() == "sts:AssumeRole")
                    .ToDictionary(static f => f.PathId!, static f => (Count: f.OtherChains + 1, Distance: f.Path.Length - 1), StringComparer.Ordinal);
                var kinds = expected.Keys.Order(StringComparer.Ordinal).ToArray();
                if (!kinds.SequenceEqual(actual.Keys.Order(StringComparer.Ordinal))
                    || kinds.Any(k => expected[k].Count != actual[k].Count)
                    || (expected.TryGetValue("sts-assume-role", out var admin) && admin.Distance != actual["sts-assume-role"].Distance))
                {
                    throw new InvalidOperationException($"{principal.Name}: expected {string.Join(", ", expected)}; reported {string.Join(", ", actual)}");
                }
            }
        }, iter: 150);
    }

    /// <summary>Breadth first from <paramref name="start"/>: per kind of power, how many roles reached offer it and the nearest one's distance.</summary>
    private static Dictionary<string, (int Count, int Distance)> Expected(string start, Dictionary<string, RoleGraphNode> nodes, ILookup<string, string> edges, int depth)
    {
        var kinds = new Dictionary<string, (int Count, int Distance)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { start };
        var frontier = new List<string> { start };
        for (var distance = 1; distance <= depth && frontier.Count > 0; distance++)
        {
            var next = new List<string>();
            foreach (var role in frontier.SelectMany(r => edges[r]).Where(seen.Add))
            {
                var node = nodes[role];
                foreach (var kind in node.Administrator ? ["sts-assume-role"] : node.Escalations.AsEnumerable())
                {
                    kinds[kind] = kinds.TryGetValue(kind, out var held) ? (held.Count + 1, held.Distance) : (1, distance);
                }
                if (!node.Administrator)
                {
                    next.Add(role);
                }
            }
            frontier = next;
        }
        return kinds;
    }
}
