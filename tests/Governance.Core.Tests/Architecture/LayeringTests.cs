using System.Collections.Frozen;
using Governance.Core.Hosting;

namespace Governance.Core.Tests.Architecture;

/// <summary>
/// Governance.Core's parts depend one way: Accounts ← Policies ← Workflow → AuditTrail; Risk → Accounts; Drift → Risk,
/// Accounts, Workflow; Reports → Drift, Risk; Hosting → all. Infrastructure/Data knows no feature; the AWS adapters
/// implement the workflow's ports. The parts span two assemblies: Governance.Core, which loads no database framework (iamgov
/// references it alone), and Governance.Data, the same parts' types that use EF Core.
/// </summary>
public sealed class LayeringTests
{
    private const string Root = "Governance.Core";

    /// <summary>The assemblies whose types are the parts: the domain, and its persistence.</summary>
    private static readonly System.Reflection.Assembly[] Assemblies = [typeof(GovernanceOptions).Assembly, typeof(GovernanceCoreSetup).Assembly];

    /// <summary>Database frameworks: Governance.Data's to load, never Governance.Core's.</summary>
    private static readonly string[] DatabaseFrameworks = ["Microsoft.EntityFrameworkCore", "Npgsql", "Microsoft.Data.Sqlite", "SQLitePCLRaw"];

    /// <summary>What each part may use besides itself, the engine and the framework. A part not listed may use nothing.</summary>
    private static readonly FrozenDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Results"] = [],
        // The service's metrics: recorded by the parts that do the work, so it knows none of them.
        ["Telemetry"] = [],
        // The one text form of a time in answers and documents: every part that writes a time may use it.
        ["Formats"] = [],
        ["Identity"] = [],
        ["Infrastructure.Data"] = [],
        // Rules for the service's own files (a secret's mode): any part that writes such a file may use them.
        ["Infrastructure.Files"] = [],
        ["Infrastructure.Signing"] = ["Identity", "Infrastructure.Files"],
        ["AuditTrail"] = ["Infrastructure.Data", "Formats"],
        ["Accounts"] = ["Results"],
        // Exclusions know findings only as ExclusionTarget, so the risk audit and the drift audit can both hold their entries.
        ["Exclusions"] = [],
        ["Risk"] = ["Accounts", "Exclusions"],
        ["OrganizationCopy"] = ["Accounts", "Infrastructure.Data", "Results"],
        ["Policies"] = ["Accounts", "Risk", "Identity", "Results"],
        ["Workflow"] = ["Policies", "Accounts", "OrganizationCopy", "Risk", "AuditTrail", "Identity", "Infrastructure.Data", "Results", "Telemetry", "Formats"],
        ["Infrastructure.Aws"] = ["Workflow", "Accounts", "OrganizationCopy", "Results"],
        // AuditTrail: a run someone asked for is recorded in the audit chain with its report, as Workflow records its changes.
        ["Drift"] = ["Workflow", "Policies", "Risk", "Accounts", "OrganizationCopy", "AuditTrail", "Infrastructure.Data", "Results", "Exclusions", "Telemetry", "Formats"],
        ["Reports"] = ["Drift", "Risk", "Accounts", "Results", "Exclusions", "Formats"],
        // The outbox reads what the workflow, the audit chain and the drift audit recorded; nothing reads it but Hosting.
        ["Notifications"] = ["Workflow", "AuditTrail", "Drift", "Risk", "Infrastructure.Data", "Results", "Formats"],
        ["Hosting"] = ["*"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [Fact]
    public void Core_EveryNamespace_BelongsToAListedPart()
    {
        // Act
        var unlisted = CoreTypes().Select(static t => t.Namespace!).Distinct(StringComparer.Ordinal)
            .Where(static ns => PartOf(ns) is null)
            .ToArray();

        // Assert
        Assert.True(unlisted.Length == 0, $"namespaces outside the layering table: {string.Join(", ", unlisted)}");
    }

    [Fact]
    public void Core_References_NoDatabaseFramework()
    {
        // Act
        var core = typeof(GovernanceOptions).Assembly;
        var frameworks = core.GetReferencedAssemblies().Select(static a => a.Name!)
            .Where(static name => DatabaseFrameworks.Any(f => name.StartsWith(f, StringComparison.Ordinal)))
            .ToArray();

        // Assert
        Assert.NotEqual(core, typeof(GovernanceCoreSetup).Assembly);
        Assert.True(frameworks.Length == 0, $"Governance.Core references {string.Join(", ", frameworks)}; that belongs in Governance.Data");
    }

    [Fact]
    public void Data_References_TheDatabaseFrameworks()
    {
        // Act: the check above would pass on an assembly that referenced nothing, so its list is checked where the frameworks are.
        var data = typeof(GovernanceCoreSetup).Assembly.GetReferencedAssemblies().Select(static a => a.Name!).ToArray();

        // Assert
        Assert.Contains(data, static name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.Contains(data, static name => name.StartsWith("Npgsql", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_PartDependencies_GoOneWay()
    {
        // Act
        var violations = Violations(PartEdges(), Allowed);

        // Assert
        Assert.True(violations.Count == 0, "wrong-way dependencies:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Core_Namespaces_HaveNoCycle()
    {
        // Act
        var cycle = FindCycle(NamespaceEdges());

        // Assert
        Assert.True(cycle is null, $"namespaces that depend on each other: {string.Join(" -> ", cycle ?? [])}");
    }

    [Fact]
    public void Violations_DeliberateWrongWayImport_IsReported()
    {
        // Arrange: the audit trail reaching into the workflow, as it did when it knew every feature's audit payload.
        var edges = PartEdges().Append(("AuditTrail", "Workflow", "AuditTrail.AuditLog -> Workflow.Grants.GrantAuditState"));

        // Act
        var violations = Violations(edges, Allowed);

        // Assert
        var violation = Assert.Single(violations);
        Assert.Contains("AuditTrail -> Workflow", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void FindCycle_TwoNamespacesUsingEachOther_ReturnsTheCycle()
    {
        // Arrange: permission sets and approval rules, as they were before the cycle was broken.
        (string, string)[] edges =
        [
            ("Workflow.Requests", "Policies.Approvals"),
            ("Policies.Approvals", "Policies.PermissionSets"),
            ("Policies.PermissionSets", "Policies.Approvals"),
        ];

        // Act
        var cycle = FindCycle(edges);

        // Assert
        Assert.Equal(["Policies.Approvals", "Policies.PermissionSets", "Policies.Approvals"], cycle);
    }

    private static IEnumerable<Type> CoreTypes() => Assemblies.SelectMany(static a => a.GetTypes())
        .Where(static t => t.Namespace is { } ns && ns.StartsWith(Root + ".", StringComparison.Ordinal)
            && !ns.Contains(".Migrations.", StringComparison.Ordinal));

    /// <summary>The part a namespace belongs to: its first segment, or its first two under Infrastructure.</summary>
    private static string? PartOf(string ns)
    {
        if (!ns.StartsWith(Root + ".", StringComparison.Ordinal))
        {
            return null;
        }
        var segments = ns[(Root.Length + 1)..].Split('.');
        var part = segments[0] == "Infrastructure" && segments.Length > 1 ? $"{segments[0]}.{segments[1]}" : segments[0];
        return Allowed.ContainsKey(part) ? part : null;
    }

    private static string Relative(string ns) => ns[(Root.Length + 1)..];

    /// <summary>Every use of one Core namespace's type by another's, with the two types as evidence.</summary>
    private static IEnumerable<(string From, string To, string Evidence)> TypeEdges()
        => from type in CoreTypes()
           from used in TypeDependencies.Of(type)
           where Assemblies.Contains(used.Assembly) && used.Namespace is not null && used.Namespace != type.Namespace
               && used.Namespace.StartsWith(Root + ".", StringComparison.Ordinal) && !used.Namespace.Contains(".Migrations.", StringComparison.Ordinal)
           select (Relative(type.Namespace!), Relative(used.Namespace!), $"{type.FullName} -> {used.FullName}");

    private static IEnumerable<(string From, string To, string Evidence)> PartEdges()
        => TypeEdges()
            .Select(static e => (From: PartOf(Root + "." + e.From)!, To: PartOf(Root + "." + e.To)!, e.Evidence))
            .Where(static e => e.From != e.To);

    private static IEnumerable<(string From, string To)> NamespaceEdges()
        => TypeEdges().Select(static e => (e.From, e.To)).Distinct();

    private static List<string> Violations(IEnumerable<(string From, string To, string Evidence)> edges, IReadOnlyDictionary<string, string[]> allowed)
        => [.. edges
            .Where(e => !allowed[e.From].Contains("*") && !allowed[e.From].Contains(e.To))
            .GroupBy(static e => (e.From, e.To))
            .Select(static g => $"{g.Key.From} -> {g.Key.To} (e.g. {g.First().Evidence})")
            .Order(StringComparer.Ordinal)];

    /// <summary>A cycle in the graph, as the list of its nodes; null when there is none.</summary>
    private static List<string>? FindCycle(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(static e => e.From).ToDictionary(static g => g.Key, static g => g.Select(static e => e.To).Distinct().ToArray());
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (state.GetValueOrDefault(to) == 1)
                {
                    return [.. path.Skip(path.IndexOf(to)), to];
                }
                if (state.GetValueOrDefault(to) == 0 && Visit(to) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return next.Keys.Order(StringComparer.Ordinal).Select(n => state.GetValueOrDefault(n) == 0 ? Visit(n) : null).FirstOrDefault(static c => c is not null);
    }
}
