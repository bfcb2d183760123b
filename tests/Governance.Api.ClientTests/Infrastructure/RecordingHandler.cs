namespace Governance.Api.ClientTests.Infrastructure;

/// <summary>Keeps every answer the client reads, so that each can be checked against the document afterwards.</summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly List<RecordedExchange> _exchanges = [];
    private readonly Lock _lock = new();

    public RecordingHandler()
        : base(new SocketsHttpHandler())
    {
    }

    public IReadOnlyList<RecordedExchange> Exchanges
    {
        get
        {
            lock (_lock)
            {
                return [.. _exchanges];
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // Buffered, so that the client still reads the whole body after this handler has.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        lock (_lock)
        {
            _exchanges.Add(new RecordedExchange(request.Method, request.RequestUri!.AbsolutePath, (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType, body,
                response.Headers.Concat(response.Content.Headers).Select(static h => h.Key).ToHashSet(StringComparer.OrdinalIgnoreCase)));
        }
        return response;
    }
}
