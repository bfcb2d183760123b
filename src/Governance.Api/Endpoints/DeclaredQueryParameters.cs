using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.IO.Pipelines;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace Governance.Api.Endpoints;

/// <summary>
/// The query parameters a minimal-API endpoint declares, read from its handler's signature as the framework binds it:
/// <c>[FromQuery]</c>, and every simple parameter (a string, a type with <c>TryParse</c>, or an array of one) that is
/// not a route value, including those inside an <c>[AsParameters]</c> record. Nothing else names them, so a new
/// parameter is known the moment a handler takes it.
/// </summary>
/// <remarks>Names compare without case, as the framework binds them. Computed once per endpoint.</remarks>
internal static class DeclaredQueryParameters
{
    private static readonly ConcurrentDictionary<Endpoint, FrozenDictionary<string, bool>?> Cache = new();

    private static readonly Type[] Special =
    [
        typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse), typeof(ClaimsPrincipal), typeof(CancellationToken),
        typeof(Stream), typeof(PipeReader), typeof(IFormFile), typeof(IFormFileCollection), typeof(IFormCollection),
    ];

    /// <summary>
    /// Each declared name and whether it takes several values (an array); null for an endpoint with no handler method
    /// (health checks, the OpenAPI document), whose query is not checked.
    /// </summary>
    public static FrozenDictionary<string, bool>? Of(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Cache.GetOrAdd(endpoint, static e => e.Metadata.GetMetadata<MethodInfo>() is { } method
            ? Read(method, (e as RouteEndpoint)?.RoutePattern)
            : null);
    }

    private static FrozenDictionary<string, bool> Read(MethodInfo method, RoutePattern? route)
    {
        var names = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var routeValues = route?.Parameters.Select(static p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var parameter in method.GetParameters())
        {
            Add(names, parameter, routeValues);
        }
        return names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, bool> names, ParameterInfo parameter, HashSet<string> routeValues)
    {
        var attributes = parameter.GetCustomAttributes(inherit: true);
        if (attributes.OfType<AsParametersAttribute>().Any())
        {
            var constructor = parameter.ParameterType.GetConstructors().OrderByDescending(static c => c.GetParameters().Length).FirstOrDefault();
            foreach (var inner in constructor?.GetParameters() ?? [])
            {
                Add(names, inner, routeValues);
            }
            return;
        }
        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } fromQuery)
        {
            names[fromQuery.Name ?? parameter.Name!] = IsMany(parameter.ParameterType);
            return;
        }
        if (attributes.Any(static a => a is IFromRouteMetadata or IFromBodyMetadata or IFromServiceMetadata or IFromHeaderMetadata or IFromFormMetadata
                or FromKeyedServicesAttribute)
            || Special.Contains(parameter.ParameterType) || routeValues.Contains(parameter.Name!))
        {
            return;
        }
        var type = parameter.ParameterType;
        var element = type.IsArray ? type.GetElementType()! : type;
        if (type == typeof(StringValues) || IsSimple(Nullable.GetUnderlyingType(element) ?? element))
        {
            names[parameter.Name!] = IsMany(type);
        }
    }

    private static bool IsMany(Type type) => type.IsArray || type == typeof(StringValues);

    /// <summary>A type the framework binds from one query string value: a string, an enum, or a type with a static <c>TryParse</c>.</summary>
    private static bool IsSimple(Type type)
        => type == typeof(string) || type.IsEnum
            || type.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(static m => m.Name == "TryParse" && m.ReturnType == typeof(bool));
}
