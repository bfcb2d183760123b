using System.Collections.Frozen;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Drift.Guardrails;

/// <summary>How findings name a root, OU or account by its id: <c>the root</c>, <c>OU `Data` (ou-…)</c>, <c>account `analytics` (1111…)</c>.</summary>
internal sealed class NodeNames(OrganizationSnapshot organization)
{
    private readonly FrozenDictionary<string, string> _names = organization.Roots.Select(static r => KeyValuePair.Create(r.Id, $"the root ({r.Id})"))
        .Concat(organization.OrganizationalUnits.Select(static u => KeyValuePair.Create(u.Id, $"OU `{u.Name}` ({u.Id})")))
        .Concat(organization.Accounts.Select(static a => KeyValuePair.Create(a.Id, $"account `{a.Name}` ({a.Id})")))
        .DistinctBy(static p => p.Key, StringComparer.Ordinal)
        .ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The name of <paramref name="id"/>; the id in backticks when the organisation does not list it.</summary>
    public string Of(string id) => _names.TryGetValue(id, out var name) ? name : $"`{id}`";
}
