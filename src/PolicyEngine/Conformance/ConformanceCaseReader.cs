using System.Collections.Immutable;
using System.Text.Json;
using PolicyEngine.Evaluation;
using PolicyEngine.Parsing;
using PolicyEngine.Syntax;

namespace PolicyEngine.Conformance;

/// <summary>
/// Reads one line of a conformance <c>.jsonl</c> file (the format in <c>conformance/FORMAT.md</c>) into a case.
/// </summary>
/// <remarks>Pure: the caller reads the file. Never throws for any text.</remarks>
public static class ConformanceCaseReader
{
    /// <summary>The top-level fields a case may have; the reader ignores others, so a test holds new cases to these.</summary>
    public static IReadOnlySet<string> CaseFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "description", "source", "identityPolicies", "permissionsBoundary", "sessionPolicy", "serviceControlPolicies",
        "resourceControlPolicies", "resourcePolicy", "request", "expected", "managementAccount", "accessPoint",
        "vpcEndpointPolicy", "blockPublicAccess", "objectOwnership", "acl",
    };

    /// <summary>The fields of a case's <c>accessPoint</c>.</summary>
    public static IReadOnlySet<string> AccessPointFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bucket", "bucketAccount", "policy", "networkOrigin",
    };

    /// <summary>The fields of a case's <c>request</c>.</summary>
    public static IReadOnlySet<string> RequestFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "principal", "action", "resource", "resourceAccount", "context",
    };

    /// <summary>Reads <paramref name="line"/>.</summary>
    public static ConformanceCaseParse Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        // Checked first: a lone surrogate escape in any string would otherwise throw when that string is read.
        if (!JsonTextCheck.TryParse(line, JsonTextRules.Default, out var json, out var problem))
        {
            return new ConformanceCaseParse(null, $"column {problem.Column}: {problem.Message}");
        }
        using (json)
        {
            return Read(json.RootElement);
        }
    }

    private static ConformanceCaseParse Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new ConformanceCaseParse(null, "a case is a JSON object");
        }
        var id = String(root, "id");
        if (id is null)
        {
            return new ConformanceCaseParse(null, "case has no string `id`");
        }
        if (!root.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            return new ConformanceCaseParse(null, "case has no `request` object", id);
        }
        var principal = String(request, "principal");
        var action = String(request, "action");
        var resource = String(request, "resource");
        if (principal is null || action is null || resource is null)
        {
            return new ConformanceCaseParse(null, "`request` needs string `principal`, `action` and `resource`", id);
        }
        Decision? expected = null;
        if (String(root, "expected") is { } expectedText)
        {
            if (!Enum.TryParse<Decision>(expectedText, ignoreCase: false, out var decision) || !Enum.IsDefined(decision))
            {
                return new ConformanceCaseParse(null, $"`expected` is `{expectedText}`; expected `Allow`, `ExplicitDeny` or `ImplicitDeny`", id);
            }
            expected = decision;
        }
        if (root.TryGetProperty("vpcEndpointPolicy", out var endpoint) && endpoint.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            // An endpoint policy read as absent would turn its case into one about no endpoint at all.
            return new ConformanceCaseParse(null, "`vpcEndpointPolicy` must be a policy document (a JSON object) or null", id);
        }
        var (accessPoint, accessPointError) = ReadAccessPoint(root);
        if (accessPointError is not null)
        {
            return new ConformanceCaseParse(null, accessPointError, id);
        }
        var policies = new PolicySet
        {
            IdentityPolicies = NamedList(root, "identityPolicies"),
            PermissionsBoundary = Document(root, "permissionsBoundary", "permissions-boundary"),
            SessionPolicy = Document(root, "sessionPolicy", "session-policy"),
            ServiceControlPolicies = Levels(root, "serviceControlPolicies"),
            ResourceControlPolicies = Levels(root, "resourceControlPolicies"),
            ResourcePolicy = Document(root, "resourcePolicy", "resource-policy"),
            ManagementAccount = String(root, "managementAccount"),
            AccessPoint = accessPoint,
            VpcEndpointPolicy = Document(root, "vpcEndpointPolicy", "vpc-endpoint-policy"),
        };
        var (withS3, s3Error) = S3SettingsReader.Read(root, policies);
        if (s3Error is not null)
        {
            return new ConformanceCaseParse(null, s3Error, id);
        }
        policies = withS3;
        var context = request.TryGetProperty("context", out var contextElement) && contextElement.ValueKind == JsonValueKind.Object
            ? RequestContext.Create(contextElement.EnumerateObject().Select(static p => KeyValuePair.Create(p.Name, Values(p.Value))))
            : RequestContext.Empty;
        var authorization = AuthorizationRequest.Create(principal, action, resource, String(request, "resourceAccount"), context);
        return new ConformanceCaseParse(
            new ConformanceCase(id, String(root, "description"), String(root, "source"), policies, authorization, expected), null, id);
    }

    /// <summary>The case's <c>accessPoint</c>: absent, or an object with a string <c>bucket</c>; else an error.</summary>
    private static (AccessPoint? AccessPoint, string? Error) ReadAccessPoint(JsonElement root)
    {
        if (!root.TryGetProperty("accessPoint", out var element))
        {
            return (null, null);
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "`accessPoint` must be an object with a string `bucket`");
        }
        if (String(element, "bucket") is not { Length: > 0 } bucket)
        {
            return (null, "`accessPoint` needs a non-empty string `bucket`, the underlying bucket's name");
        }
        var origin = AccessPoint.InternetOrigin;
        if (element.TryGetProperty("networkOrigin", out var originElement))
        {
            origin = originElement.ValueKind == JsonValueKind.String ? originElement.GetString()! : string.Empty;
            if (origin is not (AccessPoint.InternetOrigin or AccessPoint.VpcOrigin))
            {
                return (null, "`accessPoint.networkOrigin` must be `Internet` or `VPC`");
            }
        }
        if (element.TryGetProperty("bucketAccount", out var accountElement) && accountElement.ValueKind != JsonValueKind.String)
        {
            return (null, "`accessPoint.bucketAccount` must be a string, the bucket owner's account id");
        }
        if (element.TryGetProperty("policy", out var policyElement) && policyElement.ValueKind != JsonValueKind.Object)
        {
            return (null, "`accessPoint.policy` must be a policy document object");
        }
        return (new AccessPoint(bucket)
        {
            BucketAccount = String(element, "bucketAccount"),
            Policy = Document(element, "policy", "access-point-policy"),
            NetworkOrigin = origin,
        }, null);
    }

    private static string? String(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ImmutableArray<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => [.. value.EnumerateArray().Select(Scalar)],
        _ => [Scalar(value)],
    };

    private static string Scalar(JsonElement value)
        => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    private static NamedPolicy? Document(JsonElement parent, string name, string policyName)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? NamedPolicy.From(policyName, PolicyParser.Parse(value))
            : null;

    private static ImmutableArray<NamedPolicy> NamedList(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? Named(value) : [];

    private static ImmutableArray<NamedPolicy> Named(JsonElement array)
    {
        var policies = ImmutableArray.CreateBuilder<NamedPolicy>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.Object ? String(item, "name") : null;
            name ??= $"policy-{index}";
            policies.Add(item.ValueKind == JsonValueKind.Object && item.TryGetProperty("document", out var document)
                ? NamedPolicy.From(name, PolicyParser.Parse(document))
                : NamedPolicy.Parse(name, item.GetRawText()));
            index++;
        }
        return policies.ToImmutable();
    }

    private static ImmutableArray<ImmutableArray<NamedPolicy>> Levels(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(static level => level.ValueKind == JsonValueKind.Array ? Named(level) : [])]
            : [];
}
