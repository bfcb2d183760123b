using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using PolicyEngine.Diagnostics;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;
using PolicyEngine.Validation;

namespace Governance.Cli.Simulation;

/// <summary>
/// A SimulateCustomPolicy request made ready to simulate: its policies read and validated, its context typed, its
/// values checked as AWS checks them. https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html
/// </summary>
internal sealed record CustomPolicyInput(PolicySet Policies, ImmutableDictionary<string, string> PolicyTexts, ImmutableArray<string> Actions,
    ImmutableArray<string> Resources, string Caller, string? ResourceAccount, RequestContext Context, int? MaxItems, int Start)
{
    /// <summary>Policy names as AWS's simulator reports them in <c>SourcePolicyId</c>.</summary>
    public const string ResourcePolicyName = "ResourcePolicy";

    /// <summary>The longest policy document the API takes (policyDocumentType, <c>max: 131072</c>).</summary>
    public const int MaxPolicyLength = 131_072;

    /// <summary>The largest page (maxItemsType, <c>max: 1000</c>).</summary>
    public const int MaxPage = 1000;

    private static readonly ImmutableArray<string> ResourceHandlingOptions =
        ["EC2-VPC-InstanceStore", "EC2-VPC-InstanceStore-Subnet", "EC2-VPC-EBS", "EC2-VPC-EBS-Subnet"];

    /// <summary>The request made ready, or the error AWS would answer it with.</summary>
    public static (CustomPolicyInput? Input, AwsCliError? Error) From(SimulationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var documents = Documents(request).ToList();
        var constraint = ConstraintProblems(request, documents).ToList();
        if (constraint.Count > 0)
        {
            return (null, AwsCliError.Service(ServiceErrorCodes.ValidationError, constraint));
        }
        var invalid = new List<string>();
        var context = ContextOf(request, invalid);
        var ownerAccount = OwnerAccount(request.ResourceOwner, invalid);
        CheckValues(request, invalid);
        var start = MarkerStart(request.Marker, request.ActionNames.Length, invalid);
        if (invalid.Count > 0)
        {
            return (null, AwsCliError.Service(ServiceErrorCodes.InvalidInput, invalid));
        }
        var malformed = documents.SelectMany(static d => Refusals(d.Name, d.Text, d.Kind)).ToList();
        if (malformed.Count > 0)
        {
            return (null, AwsCliError.Service(ServiceErrorCodes.MalformedPolicyDocument, malformed));
        }
        var policies = new PolicySet
        {
            IdentityPolicies = [.. request.PolicyInputList.Select(static (text, i) => NamedPolicy.Parse($"PolicyInputList.{i + 1}", text))],
            PermissionsBoundary = request.PermissionsBoundaryPolicyInputList.IsEmpty
                ? null : NamedPolicy.Parse("PermissionsBoundaryPolicyInputList.1", request.PermissionsBoundaryPolicyInputList[0]),
            ServiceControlPolicies = [.. request.OrderedOrganizationPolicyInputList.Select(static (level, l) =>
                level.Select((text, i) => NamedPolicy.Parse($"OrderedOrganizationPolicyInputList.{l + 1}.ServiceControlPolicyInputList.{i + 1}", text)).ToImmutableArray())],
            ResourcePolicy = request.ResourcePolicy is null ? null : NamedPolicy.Parse(ResourcePolicyName, request.ResourcePolicy),
        };
        var caller = request.CallerArn ?? $"arn:aws:iam::{ownerAccount ?? "123456789012"}:user/simulated-caller";
        var resources = request.ResourceArns.IsEmpty ? ["*"] : request.ResourceArns;
        var texts = documents.ToImmutableDictionary(static d => d.Name, static d => d.Text);
        var page = request.MaxItems is { } max ? (int)max : (int?)null;
        return (new CustomPolicyInput(policies, texts, request.ActionNames, resources, caller, ownerAccount, context, page, start), null);
    }

    /// <summary>The marker that continues after <paramref name="next"/> results.</summary>
    public static string MarkerFor(int next) => System.Convert.ToBase64String(Encoding.ASCII.GetBytes($"iamgov:{next.ToString(CultureInfo.InvariantCulture)}"));

    private static IEnumerable<(string Name, string Text, PolicyKind Kind)> Documents(SimulationRequest request)
    {
        for (var i = 0; i < request.PolicyInputList.Length; i++)
        {
            yield return ($"PolicyInputList.{i + 1}", request.PolicyInputList[i], PolicyKind.Identity);
        }
        for (var i = 0; i < request.PermissionsBoundaryPolicyInputList.Length; i++)
        {
            yield return ($"PermissionsBoundaryPolicyInputList.{i + 1}", request.PermissionsBoundaryPolicyInputList[i], PolicyKind.Boundary);
        }
        for (var l = 0; l < request.OrderedOrganizationPolicyInputList.Length; l++)
        {
            for (var i = 0; i < request.OrderedOrganizationPolicyInputList[l].Length; i++)
            {
                yield return ($"OrderedOrganizationPolicyInputList.{l + 1}.ServiceControlPolicyInputList.{i + 1}", request.OrderedOrganizationPolicyInputList[l][i], PolicyKind.Scp);
            }
        }
        if (request.ResourcePolicy is { } resource)
        {
            yield return (ResourcePolicyName, resource, PolicyKind.Resource);
        }
    }

    /// <summary>The model's constraints AWS's request validation applies: lengths, the policy character set, the page size.</summary>
    private static IEnumerable<string> ConstraintProblems(SimulationRequest request, List<(string Name, string Text, PolicyKind Kind)> documents)
    {
        foreach (var (name, text, _) in documents)
        {
            if (text.Length > MaxPolicyLength)
            {
                yield return $"1 validation error detected: Value at '{name}' failed to satisfy constraint: Member must have length less than or equal to {MaxPolicyLength}";
            }
            else if (text.FirstOrDefault(static c => c is not ('\t' or '\n' or '\r') && (c < ' ' || c > '\u00FF')) is var c && c != default)
            {
                yield return $"1 validation error detected: Value at '{name}' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + $"[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+ (U+{(int)c:X4} is outside it)";
            }
        }
        if (request.OrderedOrganizationPolicyInputList.Length > 7)
        {
            yield return "1 validation error detected: Value at 'orderedOrganizationPolicyInputList' failed to satisfy constraint: Member must have length less than or equal to 7";
        }
        if (request.MaxItems > MaxPage)
        {
            yield return $"1 validation error detected: Value '{request.MaxItems}' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to {MaxPage}";
        }
    }

    private static void CheckValues(SimulationRequest request, List<string> invalid)
    {
        foreach (var action in request.ActionNames)
        {
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == action.Length - 1 || action.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                invalid.Add($"ActionNames: `{action}` is not an action such as `s3:GetObject` (service prefix, colon, name; no wildcards)");
            }
        }
        foreach (var resource in request.ResourceArns)
        {
            if (resource != "*" && !Arn.TryParse(resource, out _))
            {
                invalid.Add($"ResourceArns: `{resource}` is not an ARN such as `arn:aws:s3:::bucket/key`, nor `*`");
            }
        }
        if (request.CallerArn is { } caller && !(Arn.TryParse(caller, out var arn) && arn.Service == "iam" && arn.Account.Length > 0
            && (arn.Resource.StartsWith("user/", StringComparison.Ordinal) || arn.Resource.StartsWith("role/", StringComparison.Ordinal)
                || arn.Resource.StartsWith("group/", StringComparison.Ordinal))))
        {
            invalid.Add($"CallerArn: `{caller}` is not the ARN of an IAM user, group or role (an assumed role, a federated user or a service cannot be simulated)");
        }
        if (request.ResourcePolicy is not null && request.CallerArn is null)
        {
            invalid.Add("CallerArn is required with a ResourcePolicy, so that the policy's Principal element has a caller to match");
        }
        if (request.PermissionsBoundaryPolicyInputList.Length > 1)
        {
            invalid.Add($"PermissionsBoundaryPolicyInputList takes one permissions boundary; {request.PermissionsBoundaryPolicyInputList.Length} were given");
        }
        if (request.ResourceHandlingOption is { } option && !ResourceHandlingOptions.Contains(option))
        {
            invalid.Add($"ResourceHandlingOption: `{option}` is not a scenario; use one of {string.Join(", ", ResourceHandlingOptions)}");
        }
    }

    private static string? OwnerAccount(string? owner, List<string> invalid)
    {
        if (owner is null || !owner.StartsWith("arn:", StringComparison.Ordinal))
        {
            return owner;
        }
        if (!Arn.TryParse(owner, out var ownerArn))
        {
            invalid.Add($"`ResourceOwner` `{owner}` is not an ARN such as arn:aws:iam::123456789012:root, nor an account id");
            return null;
        }
        return ownerArn.Account;
    }

    private static int MarkerStart(string? marker, int count, List<string> invalid)
    {
        if (marker is null)
        {
            return 0;
        }
        var bytes = new byte[marker.Length];
        if (System.Convert.TryFromBase64String(marker, bytes, out var written)
            && Encoding.ASCII.GetString(bytes, 0, written) is var text && text.StartsWith("iamgov:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan("iamgov:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var start) && start < count)
        {
            return start;
        }
        invalid.Add($"Marker: `{marker}` is not a marker this simulation returned");
        return 0;
    }

    private static RequestContext ContextOf(SimulationRequest request, List<string> invalid)
    {
        var pairs = new List<KeyValuePair<string, ImmutableArray<string>>>();
        foreach (var entry in request.ContextEntries)
        {
            if (string.IsNullOrEmpty(entry.Name))
            {
                invalid.Add("ContextEntries: an entry has no ContextKeyName");
                continue;
            }
            var (values, error) = ContextKeyTypes.Convert(entry);
            if (error is not null)
            {
                invalid.Add($"ContextEntries: {error}");
                continue;
            }
            pairs.Add(KeyValuePair.Create(entry.Name, values));
        }
        return RequestContext.Create(pairs);
    }

    /// <summary>The validator's errors for a document: what AWS refuses, each at its line and column.</summary>
    private static IEnumerable<string> Refusals(string name, string text, PolicyKind kind)
    {
        // The API's own length bound applies (checked above), not the quota of a stored managed policy.
        var report = PolicyValidator.Validate(text, kind, new ValidationOptions { MaxCharacters = 0 });
        return report.Findings.Where(static f => f.Severity == Severity.Error)
            .Select(f => $"{name}:{f.Location.Line}:{f.Location.Column}: {f.Message}{(f.Help is { } help ? $" ({help})" : string.Empty)}");
    }
}
