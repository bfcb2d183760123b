using System.Net;
using System.Text;
using AwsReplay.SigV4;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AwsReplay;

/// <summary>
/// A loopback HTTP endpoint that stands in for an AWS service: it records every request and answers from canned
/// responses. Point the code under test at <see cref="Endpoint"/> (e.g. through <c>AWS_ENDPOINT_URL_IAM</c>).
/// </summary>
/// <remarks>
/// Answers are chosen in this order: the next response queued for the request's Query API <c>Action</c>, the next
/// response queued for any request, the first rule that answers, and otherwise a 400 <c>ReplayUnmatched</c> error, so
/// an unexpected call fails the test with a message instead of hanging it.
/// </remarks>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<ReplayResponse> _anyQueue = new();
    private readonly Dictionary<string, Queue<ReplayResponse>> _actionQueues = new(StringComparer.Ordinal);
    private readonly List<Func<RecordedRequest, ReplayResponse?>> _rules = [];

    private ReplayServer(WebApplication app) => _app = app;

    /// <summary>The base address, <c>http://127.0.0.1:PORT</c> on a port the system chose.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>A snapshot of the requests received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    /// <summary>Starts a server on 127.0.0.1 and a free port.</summary>
    public static async Task<ReplayServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new ReplayServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Queues a response for the next request, whatever its action.</summary>
    public void Enqueue(ReplayResponse response)
    {
        lock (_gate) _anyQueue.Enqueue(response);
    }

    /// <summary>Queues a response for the next request whose Query API <c>Action</c> is <paramref name="action"/>.</summary>
    public void Enqueue(string action, ReplayResponse response)
    {
        lock (_gate)
        {
            if (!_actionQueues.TryGetValue(action, out var queue))
                _actionQueues[action] = queue = new Queue<ReplayResponse>();
            queue.Enqueue(response);
        }
    }

    /// <summary>Adds a rule consulted when no queued response applies; it returns null to pass.</summary>
    public void Handle(Func<RecordedRequest, ReplayResponse?> rule)
    {
        lock (_gate) _rules.Add(rule);
    }

    /// <summary>The requests whose Query API <c>Action</c> is <paramref name="action"/>.</summary>
    public IReadOnlyList<RecordedRequest> RequestsFor(string action) => [.. Requests.Where(r => r.Action == action)];

    /// <summary>
    /// The standard AWS variables that point an SDK-convention client at this endpoint with <paramref name="credentials"/>:
    /// keys (and session token), <c>AWS_REGION</c>, and <c>AWS_ENDPOINT_URL_IAM</c> and <c>AWS_ENDPOINT_URL_STS</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables(SigV4Credentials credentials, string region = "us-east-1")
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = credentials.SecretAccessKey,
            ["AWS_REGION"] = region,
            ["AWS_ENDPOINT_URL_IAM"] = Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_STS"] = Endpoint.ToString(),
        };
        if (credentials.SessionToken is { } token)
            variables["AWS_SESSION_TOKEN"] = token;
        return variables;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var request = await RecordAsync(context);
        var response = Choose(request);
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.RequestId is not null)
            context.Response.Headers["x-amzn-RequestId"] = response.RequestId;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            context.Response.Headers[name] = value;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(response.Body), context.RequestAborted);
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        // RawTarget is the request line's target as sent: the verifier needs the encoding the client chose.
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var question = target.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? target : target[..question];
        var query = question < 0 ? "" : target[(question + 1)..];
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key, h => (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")], StringComparer.OrdinalIgnoreCase);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var request = new RecordedRequest(context.Request.Method, path, query, headers, body.ToArray());
        lock (_gate) _requests.Add(request);
        return request;
    }

    private ReplayResponse Choose(RecordedRequest request)
    {
        lock (_gate)
        {
            if (request.Action is { } action && _actionQueues.TryGetValue(action, out var queue) && queue.Count > 0)
                return queue.Dequeue();
            if (_anyQueue.Count > 0)
                return _anyQueue.Dequeue();
            foreach (var rule in _rules)
            {
                if (rule(request) is { } answer)
                    return answer;
            }
        }
        return ReplayResponse.QueryError(400, "ReplayUnmatched",
            $"the replay endpoint has no response for {request.Method} {request.Path} action `{request.Action}`", "replay-unmatched");
    }
}
