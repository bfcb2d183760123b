using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>
/// Calls the IAM Query API over HTTPS: form-encoded POSTs signed with SigV4 by AWSSDK.Core, XML answers, pagination by
/// <c>Marker</c>/<c>IsTruncated</c>, retries with backoff and jitter. Only the operations the product uses.
/// </summary>
/// <remarks>
/// Every failure is an <see cref="IamError"/> value, never an exception (cancellation apart), and every result carries
/// the request id of each response, for the audit log.
/// </remarks>
public sealed class IamClient
{
    private const string ApiVersion = "2010-05-08";
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly AwsRetryPolicy _retry;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Random _random;

    /// <summary>A client for <paramref name="endpoint"/> that signs with <paramref name="credentials"/>.</summary>
    /// <param name="http">The HTTP client; it must not follow redirects, which would replay a signature.</param>
    /// <param name="endpoint">Where to send requests and the region to sign for.</param>
    /// <param name="credentials">The credentials, resolved again before each request (refreshing ones refresh).</param>
    /// <param name="time">The clock that dates signatures and runs the retry delays.</param>
    /// <param name="retry">The retry policy; default <see cref="AwsRetryPolicy.Standard"/>.</param>
    /// <param name="delay">Waits between attempts; default <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> on <paramref name="time"/>.</param>
    /// <param name="random">The jitter source; default <see cref="Random.Shared"/>.</param>
    public IamClient(HttpClient http, IamEndpoint endpoint, AWSCredentials credentials, TimeProvider time,
        AwsRetryPolicy? retry = null, Func<TimeSpan, CancellationToken, Task>? delay = null, Random? random = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _retry = retry ?? AwsRetryPolicy.Standard;
        _delay = delay ?? ((d, ct) => Task.Delay(d, time, ct));
        _random = random ?? Random.Shared;
    }

    /// <summary>Where the client sends requests.</summary>
    public IamEndpoint Endpoint { get; }

    /// <summary>
    /// A client from the SDK conventions: the endpoint from <paramref name="connection"/> and the environment, the
    /// credentials from the profile or the default chain.
    /// </summary>
    public static (IamClient? Client, IamError? Error) Create(HttpClient http, AwsConnection connection, AwsEnvironment environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var (endpoint, endpointError) = IamEndpoint.Resolve(connection, environment);
        if (endpoint is null)
        {
            return (null, new IamError(IamErrorKind.NotConfigured, "InvalidEndpoint", endpointError!, "(none)"));
        }
        var (credentials, credentialsError) = AwsCredentialSource.Resolve(connection.Profile, environment);
        return credentials is null
            ? (null, new IamError(IamErrorKind.NotConfigured, "NoCredentials", credentialsError!, "(none)"))
            : (new IamClient(http, endpoint, credentials, time), null);
    }

    /// <summary>Every page of <c>GetAccountAuthorizationDetails</c>: users, groups, roles, local and AWS managed policies.</summary>
    /// <param name="maxItems">Items per page (1 to 1000); null for IAM's default of 100.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>Each page's <c>GetAccountAuthorizationDetailsResult</c> element, in order.</returns>
    public async Task<IamResult<IReadOnlyList<XElement>>> GetAccountAuthorizationDetailsAsync(int? maxItems, CancellationToken cancellationToken)
    {
        var pages = new List<XElement>();
        var ids = new List<string>();
        string? marker = null;
        do
        {
            var page = await CallAsync("GetAccountAuthorizationDetails", Paging(maxItems, marker), cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.RequestIds);
            if (!page.Success)
            {
                return IamResult.Fail<IReadOnlyList<XElement>>(page.Error, ids);
            }
            pages.Add(page.Value);
            marker = NextMarker(page.Value);
        }
        while (marker is not null);
        return IamResult.Ok<IReadOnlyList<XElement>>(pages, ids);
    }

    /// <summary><c>GetRole</c>.</summary>
    public async Task<IamResult<IamRoleSummary>> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        var result = await CallAsync("GetRole", [("RoleName", roleName)], cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            return result.As<IamRoleSummary>();
        }
        var role = result.Value.Child("Role");
        return IamResult.Ok<IamRoleSummary>(new IamRoleSummary(
            role.Text("RoleName") ?? roleName, role.Text("Arn") ?? "", role.Text("RoleId") ?? "", role.Text("Path") ?? "/"), result.RequestIds);
    }

    /// <summary><c>GetRolePolicy</c>: the inline policy's document, URL-decoded.</summary>
    public async Task<IamResult<string>> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
    {
        var result = await CallAsync("GetRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)], cancellationToken).ConfigureAwait(false);
        return result.Success
            ? IamResult.Ok<string>(PolicyDocuments.Decode(result.Value.Text("PolicyDocument") ?? ""), result.RequestIds)
            : result.As<string>();
    }

    /// <summary><c>PutRolePolicy</c>: creates or replaces the role's inline policy.</summary>
    public async Task<IamResult<bool>> PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken)
    {
        var result = await CallAsync("PutRolePolicy",
            [("RoleName", roleName), ("PolicyName", policyName), ("PolicyDocument", policyDocument)], cancellationToken).ConfigureAwait(false);
        return result.Success ? IamResult.Ok<bool>(true, result.RequestIds) : result.As<bool>();
    }

    /// <summary><c>DeleteRolePolicy</c>.</summary>
    public async Task<IamResult<bool>> DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
    {
        var result = await CallAsync("DeleteRolePolicy", [("RoleName", roleName), ("PolicyName", policyName)], cancellationToken).ConfigureAwait(false);
        return result.Success ? IamResult.Ok<bool>(true, result.RequestIds) : result.As<bool>();
    }

    /// <summary><c>ListRolePolicies</c>, every page: the names of the role's inline policies.</summary>
    public async Task<IamResult<IReadOnlyList<string>>> ListRolePoliciesAsync(string roleName, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        var ids = new List<string>();
        string? marker = null;
        do
        {
            var page = await CallAsync("ListRolePolicies", [("RoleName", roleName), .. Paging(null, marker)], cancellationToken).ConfigureAwait(false);
            ids.AddRange(page.RequestIds);
            if (!page.Success)
            {
                return IamResult.Fail<IReadOnlyList<string>>(page.Error, ids);
            }
            names.AddRange(page.Value.Child("PolicyNames").Elements().Where(static e => e.Name.LocalName == "member").Select(static e => e.Value.Trim()));
            marker = NextMarker(page.Value);
        }
        while (marker is not null);
        return IamResult.Ok<IReadOnlyList<string>>(names, ids);
    }

    private static List<(string, string)> Paging(int? maxItems, string? marker)
    {
        var parameters = new List<(string, string)>();
        if (maxItems is { } max)
        {
            parameters.Add(("MaxItems", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (marker is not null)
        {
            parameters.Add(("Marker", marker));
        }
        return parameters;
    }

    private static string? NextMarker(XElement result)
        => string.Equals(result.Text("IsTruncated"), "true", StringComparison.OrdinalIgnoreCase) && result.Text("Marker") is { Length: > 0 } marker
            ? marker
            : null;

    /// <summary>One action, retried while it is throttled, failing (5xx) or unreachable; returns its Result element.</summary>
    private async Task<IamResult<XElement>> CallAsync(string action, IEnumerable<(string Name, string Value)> parameters, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&',
            new[] { ("Action", action), ("Version", ApiVersion) }.Concat(parameters)
                .Select(static p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")));
        var ids = new List<string>();
        return await _retry.RunAsync(() => AttemptAsync(action, body, ids, cancellationToken), _delay, _random, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IamResult<XElement> Result, bool Retryable)> AttemptAsync(string action, byte[] body, List<string> ids,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormContentType);
        request.Options.Set(AwsOperation.Key, action);
        var (signed, signingError) = await AwsRequestSigner.SignPostAsync(Endpoint.Url, body,
            new Dictionary<string, string> { ["Content-Type"] = FormContentType }, _credentials, Endpoint.SigningRegion, IamEndpoint.SigningName,
            _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (signed is null)
        {
            return (IamResult.Fail<XElement>(new IamError(IamErrorKind.NotConfigured, "NoCredentials", signingError!, action), ids), false);
        }
        foreach (var (name, value) in signed)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var error = new IamError(IamErrorKind.Unavailable, "NetworkError", $"IAM at {Endpoint.Url} could not be reached: {e.Message}", action);
            return (IamResult.Fail<XElement>(error, ids), true);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var xml = TryParse(text);
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault()
                : xml?.Descendants().FirstOrDefault(static e => e.Name.LocalName == "RequestId")?.Value.Trim();
            if (requestId is { Length: > 0 })
            {
                ids.Add(requestId);
            }
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return xml is null
                    ? (IamResult.Fail<XElement>(new IamError(IamErrorKind.Other, "InvalidResponse", "the response is not XML", action, requestId, status), ids), false)
                    : (IamResult.Ok<XElement>(xml.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? xml.Root!, ids), false);
            }
            var awsError = xml?.Descendants().FirstOrDefault(static e => e.Name.LocalName == "Error");
            var code = awsError?.Text("Code") ?? $"Http{status}";
            var message = awsError?.Text("Message") ?? $"IAM answered HTTP {status} without an AWS error";
            var retryable = AwsRetryPolicy.IsRetryable(status, code);
            var kind = IamError.KindOf(code);
            if (kind == IamErrorKind.Other && status >= 500)
            {
                kind = IamErrorKind.Unavailable;
            }
            return (IamResult.Fail<XElement>(new IamError(kind, code, message, action, requestId, status), ids), retryable);
        }
    }

    private static XDocument? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : XDocument.Parse(text);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
