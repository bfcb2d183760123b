using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>
/// Calls the AWS Organizations API (JSON 1.1: a POST to <c>/</c> whose <c>X-Amz-Target</c> names the operation), signed
/// with SigV4 by AWSSDK.Core, with <c>NextToken</c> paging and retries with backoff and jitter. Only the reads the
/// organisation crawl needs.
/// </summary>
/// <remarks>Every failure is an <see cref="AwsCallError"/> value, never an exception (cancellation apart).</remarks>
public sealed class OrganizationsClient
{
    private const string TargetPrefix = "AWSOrganizationsV20161128.";
    private const string JsonContentType = "application/x-amz-json-1.1";

    private readonly HttpClient _http;
    private readonly AWSCredentials _credentials;
    private readonly TimeProvider _time;
    private readonly AwsRetryPolicy _retry;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    /// <summary>A client for <paramref name="endpoint"/> that signs with <paramref name="credentials"/>.</summary>
    /// <param name="http">The HTTP client; it must not follow redirects, which would replay a signature.</param>
    /// <param name="endpoint">Where to send requests and the region to sign for.</param>
    /// <param name="credentials">The credentials, resolved again before each request.</param>
    /// <param name="time">The clock that dates signatures and runs the retry delays.</param>
    /// <param name="retry">The retry policy; default <see cref="AwsRetryPolicy.Standard"/>.</param>
    /// <param name="delay">Waits between attempts; default <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> on <paramref name="time"/>.</param>
    public OrganizationsClient(HttpClient http, OrganizationsEndpoint endpoint, AWSCredentials credentials, TimeProvider time, AwsRetryPolicy? retry = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _http = http ?? throw new ArgumentNullException(nameof(http));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _retry = retry ?? AwsRetryPolicy.Standard;
        _delay = delay ?? ((d, ct) => Task.Delay(d, time, ct));
    }

    /// <summary>Where the client sends requests.</summary>
    public OrganizationsEndpoint Endpoint { get; }

    /// <summary>One call: the operation's JSON answer.</summary>
    /// <param name="operation">The operation, e.g. <c>DescribeOrganization</c>.</param>
    /// <param name="request">The request's JSON members.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<OrganizationsResult<JsonObject>> CallAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Encoding.UTF8.GetBytes(request.ToJsonString());
        return await _retry.RunAsync(() => AttemptAsync(operation, body, cancellationToken), _delay, Random.Shared, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every page of a <c>List*</c> operation, joined: the request is sent again with each answer's <c>NextToken</c> until
    /// an answer has none. A page may be empty and still have a token, as the API reference warns.
    /// </summary>
    /// <param name="operation">The operation, e.g. <c>ListAccountsForParent</c>.</param>
    /// <param name="request">The request's JSON members, without <c>NextToken</c>.</param>
    /// <param name="listName">The answer's list, e.g. <c>Accounts</c>.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    public async Task<OrganizationsResult<IReadOnlyList<JsonObject>>> ListAllAsync(string operation, JsonObject request, string listName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = new List<JsonObject>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var page = (JsonObject)request.DeepClone();
            if (token is not null)
            {
                page["NextToken"] = token;
            }
            var answer = await CallAsync(operation, page, cancellationToken).ConfigureAwait(false);
            if (!answer.Success)
            {
                return new(null, answer.Error);
            }
            if (answer.Value[listName] is JsonArray list)
            {
                items.AddRange(list.OfType<JsonObject>().Select(static item => (JsonObject)item.DeepClone()));
            }
            token = JsonText.Of(answer.Value["NextToken"]) is { Length: > 0 } next ? next : null;
            // A token given twice would page forever.
            if (token is not null && !seen.Add(token))
            {
                return new(null, new AwsCallError("Organizations", operation, "RepeatedNextToken", $"the answer gave the NextToken `{token}` a second time"));
            }
        }
        while (token is not null);
        return new(items, null);
    }

    private async Task<(OrganizationsResult<JsonObject> Result, bool Retryable)> AttemptAsync(string operation, byte[] body, CancellationToken cancellationToken)
    {
        var target = TargetPrefix + operation;
        var (signed, signingError) = await AwsRequestSigner.SignPostAsync(Endpoint.Url, body,
            new Dictionary<string, string> { ["Content-Type"] = JsonContentType, ["X-Amz-Target"] = target },
            _credentials, Endpoint.SigningRegion, OrganizationsEndpoint.SigningName, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (signed is null)
        {
            return (Fail(operation, "NoCredentials", signingError!), false);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(JsonContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
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
            return (Fail(operation, "NetworkError", $"Organizations at {Endpoint.Url} could not be reached: {e.Message}"), true);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var json = TryParse(text);
            var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return json is null
                    ? (Fail(operation, "InvalidResponse", "the response is not a JSON object", requestId, status), false)
                    : (new(json, null), false);
            }
            // The JSON protocols name the error in `__type` (sometimes prefixed `namespace#`) or the x-amzn-ErrorType header.
            var type = JsonText.Of(json?["__type"])
                ?? (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.FirstOrDefault()?.Split(':')[0] : null);
            var code = type is { Length: > 0 } ? type[(type.LastIndexOf('#') + 1)..] : $"Http{status}";
            var message = JsonText.Of(json?["Message"] ?? json?["message"]) ?? $"Organizations answered HTTP {status} without an AWS error";
            return (Fail(operation, code, message, requestId, status), AwsRetryPolicy.IsRetryable(status, code));
        }
    }

    private static OrganizationsResult<JsonObject> Fail(string operation, string code, string message, string? requestId = null, int? status = null)
        => new(null, new AwsCallError("Organizations", operation, code, message, requestId, status));

    private static JsonObject? TryParse(string text)
    {
        try
        {
            return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
