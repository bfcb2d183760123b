using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using TestSupport.Paths;
using static Governance.Core.Tests.Drift.Guardrails.GuardrailTestOrganization;

namespace Governance.Core.Tests.Drift.Guardrails;

public sealed partial class GuardrailDriftTests
{
    /// <summary>The repository's guardrails and this class's, each a document code keeps and the organisation may hold rewritten.</summary>
    private static readonly Lazy<(OrganizationPolicyType Type, string Name, string Document)[]> Documents = new(() =>
    [
        .. GuardrailDefinitionLoader.LoadDirectory(Path.Combine(RepositoryPaths.Policies, "guardrails")).Guardrails
            .Where(static g => g.Document is not null).Select(static g => (g.Type, g.Name, g.Document!)),
        (OrganizationPolicyType.ServiceControlPolicy, "audit", ProtectAuditTrail),
        (OrganizationPolicyType.ServiceControlPolicy, "allow-list", DataAllowList),
        (OrganizationPolicyType.ResourceControlPolicy, "outside", DenyOutsidePrincipals),
    ]);

    [Fact]
    public void Compare_GuardrailReformattedOrReordered_NeverDrift()
    {
        // Each case rewrites one document without changing what it says: statements, list items, object keys and
        // condition values reordered, one-item lists written as strings and back, Sids renamed or dropped, other
        // whitespace. AWS decides each request by the statements that match it, whatever their order or Sid.
        Gen.Select(Gen.Int[0, Documents.Value.Length - 1], Gen.Int[0, int.MaxValue]).Sample(static pick =>
        {
            var (type, name, document) = Documents.Value[pick.Item1];
            var rewritten = Rewrite(document, new Random(pick.Item2));
            var desired = type == OrganizationPolicyType.ServiceControlPolicy ? Scp(name, document, "root") : Rcp(name, document, "root");
            var organization = (type == OrganizationPolicyType.ServiceControlPolicy
                ? new GuardrailTestOrganization().Scp(name, rewritten, RootId)
                : new GuardrailTestOrganization().Rcp(name, rewritten, RootId)).Build();

            var findings = GuardrailDrift.Compare([desired], organization, Now);

            Assert.True(findings.IsEmpty, $"{name} rewritten as {rewritten}: {string.Join("; ", findings.Select(static f => f.Detail))}");
        }, iter: 30);
    }

    private static string Rewrite(string document, Random random)
    {
        var root = JsonNode.Parse(document)!.AsObject();
        var statements = root["Statement"] is JsonArray array ? array : new JsonArray(root["Statement"]!.DeepClone());
        var rewritten = new JsonArray([.. Shuffled(statements.Select(static s => s!.DeepClone()), random).Select((s, i) => Statement(s.AsObject(), i, random))]);
        root["Statement"] = rewritten.Count == 1 && random.Next(2) == 0 ? rewritten[0]!.DeepClone() : rewritten;
        var reordered = Reordered(root, random);
        return reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = random.Next(2) == 0 });
    }

    /// <remarks>A renamed Sid keeps the statement's position in it: two statements with one Sid would be an invalid policy, not a reformatted one.</remarks>
    private static JsonObject Statement(JsonObject statement, int index, Random random)
    {
        switch (random.Next(3))
        {
            case 0:
                statement.Remove("Sid");
                break;
            case 1:
                statement["Sid"] = $"Renamed{random.Next(1000)}N{index}";
                break;
            default:
                break;
        }
        foreach (var key in new[] { "Action", "NotAction", "Resource", "NotResource" })
        {
            if (statement[key] is { } value)
            {
                statement[key] = List(value, random);
            }
        }
        if (statement["Condition"] is JsonObject conditions)
        {
            foreach (var (_, clause) in conditions)
            {
                foreach (var conditionKey in clause!.AsObject().Select(static p => p.Key).ToList())
                {
                    clause[conditionKey] = List(clause[conditionKey]!, random);
                }
            }
        }
        return Reordered(statement, random);
    }

    /// <summary>The same items in another order; a single item as a string or a one-item list.</summary>
    private static JsonNode List(JsonNode value, Random random)
    {
        var items = value is JsonArray array ? array.Select(static i => i!.DeepClone()).ToList() : [value.DeepClone()];
        return items.Count == 1 && random.Next(2) == 0 ? items[0] : new JsonArray([.. Shuffled(items, random)]);
    }

    private static JsonObject Reordered(JsonObject node, Random random)
        => new(Shuffled(node.Select(static p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())), random));

    private static List<T> Shuffled<T>(IEnumerable<T> items, Random random)
    {
        var list = items.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}
