using System.Text.Json;
using Governance.Core.Accounts.Questions;
using Governance.Core.Reports;
using PolicyEngine.Analysis;

namespace Governance.Cli.Answers;

/// <summary>Writes effective access as the stable JSON of <c>iamgov what-can --output json</c> (docs/cli-json.md).</summary>
internal static class EffectiveAccessJson
{
    public static void Write(Utf8JsonWriter json, EffectiveAccess access, IEnumerable<string> warnings)
        => Write(json, access, [], warnings);

    /// <summary>Writes <paramref name="answer"/>: its own side as above, then <c>resources</c>, each resource with its own <c>services</c>.</summary>
    public static void Write(Utf8JsonWriter json, WhatCanAnswer answer, IEnumerable<string> warnings)
        => Write(json, answer.OwnSide, answer.Resources, answer.Notes.Concat(warnings));

    private static void Write(Utf8JsonWriter json, EffectiveAccess access, IReadOnlyList<KnownResourceAccess> resources, IEnumerable<string> warnings)
    {
        json.WriteStartObject();
        json.WriteString("principal", access.Principal);
        json.WriteNumber("actionCount", access.ActionCount);
        WriteServices(json, access);
        json.WriteStartArray("resources");
        foreach (var resource in resources)
        {
            json.WriteStartObject();
            json.WriteString("resource", resource.Resource);
            json.WriteString("kind", resource.Kind.ToString());
            json.WriteString("account", resource.Account);
            json.WriteNumber("actionCount", resource.Access.ActionCount);
            WriteServices(json, resource.Access);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            json.WriteStringValue(warning);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteServices(Utf8JsonWriter json, EffectiveAccess access)
    {
        json.WriteStartArray("services");
        foreach (var service in access.Services)
        {
            json.WriteStartObject();
            json.WriteString("service", service.Service);
            json.WriteStartArray("levels");
            foreach (var level in service.Levels)
            {
                json.WriteStartObject();
                json.WriteString("accessLevel", level.AccessLevel.ToString());
                json.WriteStartArray("actions");
                foreach (var action in level.Actions)
                {
                    json.WriteStartObject();
                    json.WriteString("action", action.Action);
                    json.WriteStartArray("resources");
                    foreach (var grant in action.Resources)
                    {
                        json.WriteStartObject();
                        json.WriteString("resource", grant.Resource);
                        json.WriteString("verdict", grant.Verdict.ToString());
                        json.WriteStartArray("conditionKeys");
                        foreach (var key in grant.ConditionKeys)
                        {
                            json.WriteStringValue(key);
                        }
                        json.WriteEndArray();
                        json.WriteStartArray("grantedBy");
                        foreach (var statement in grant.GrantedBy)
                        {
                            StatementJson.WriteStatement(json, statement);
                            json.WriteEndObject();
                        }
                        json.WriteEndArray();
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
