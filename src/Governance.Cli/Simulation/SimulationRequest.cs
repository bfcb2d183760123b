using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Governance.Cli.Simulation;

/// <summary>The members of a SimulateCustomPolicyRequest, read once its shape is checked (<see cref="RequestShape"/>).</summary>
internal sealed record SimulationRequest(
    ImmutableArray<string> PolicyInputList,
    ImmutableArray<string> PermissionsBoundaryPolicyInputList,
    ImmutableArray<ImmutableArray<string>> OrderedOrganizationPolicyInputList,
    ImmutableArray<string> ActionNames,
    ImmutableArray<string> ResourceArns,
    string? ResourcePolicy,
    string? ResourceOwner,
    string? CallerArn,
    ImmutableArray<ContextEntryInput> ContextEntries,
    string? ResourceHandlingOption,
    long? MaxItems,
    string? Marker)
{
    /// <summary>Reads a request whose shape <see cref="RequestShape.Request"/> accepted.</summary>
    public static SimulationRequest From(JsonObject request) => new(
        Strings(request[nameof(PolicyInputList)]),
        Strings(request[nameof(PermissionsBoundaryPolicyInputList)]),
        [.. Items(request[nameof(OrderedOrganizationPolicyInputList)]).Select(static level => Strings(level?["ServiceControlPolicyInputList"]))],
        Strings(request[nameof(ActionNames)]),
        Strings(request[nameof(ResourceArns)]),
        String(request[nameof(ResourcePolicy)]),
        String(request[nameof(ResourceOwner)]),
        String(request[nameof(CallerArn)]),
        [.. Items(request[nameof(ContextEntries)]).Select(static e => new ContextEntryInput(
            String(e?["ContextKeyName"]), e?["ContextKeyValues"] is null ? null : Strings(e["ContextKeyValues"]), String(e?["ContextKeyType"])))],
        String(request[nameof(ResourceHandlingOption)]),
        RequestShape.IntegerOf(request[nameof(MaxItems)]),
        String(request[nameof(Marker)]));

    private static JsonArray Items(JsonNode? node) => node as JsonArray ?? [];

    private static ImmutableArray<string> Strings(JsonNode? node) => [.. Items(node).Select(static n => String(n) ?? string.Empty)];

    private static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
