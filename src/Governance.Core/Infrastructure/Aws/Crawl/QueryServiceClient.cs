using System.Net.Http.Headers;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>
/// Calls an AWS Query API (SNS, SQS) over <see cref="HttpClient"/>: form-encoded POSTs signed by AWSSDK.Core's SigV4
/// signer, XML answers, retries of throttling and 5xx, for the services whose SDK package is not used here.
/// </summary>
/// <param name="Http">The HTTP client; it must not follow redirects, which would replay a signature.</param>
/// <param name="Url">The service's regional endpoint.</param>
/// <param name="Service">The service as people name it (<c>SNS</c>), for errors.</param>
/// <param name="SigningName">The signing name (<c>sns</c>).</param>
/// <param name="Region">The region to sign for.</param>
/// <param name="Version">The API version every request names.</param>
/// <param name="Credentials">The credentials that sign.</param>
/// <param name="Time">The clock that dates signatures and runs the retry delays.</param>
internal sealed record QueryServiceClient(HttpClient Http, Uri Url, string Service, string SigningName, string Region, string Version,
    AWSCredentials Credentials, TimeProvider Time)
{
    private const string FormContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>One action: its <c>&lt;Action&gt;Result</c> element, or the error.</summary>
    public async Task<(XElement? Result, AwsCallError? Error)> CallAsync(string action, IEnumerable<(string Name, string Value)> parameters,
        CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(string.Join('&', new[] { ("Action", action), ("Version", Version) }.Concat(parameters)
            .Select(static p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}")));
        return await AwsRetryPolicy.Standard.RunAsync(() => AttemptAsync(action, body, cancellationToken), (d, ct) => Task.Delay(d, Time, ct),
            Random.Shared, cancellationToken).ConfigureAwait(false);
    }

    private async Task<((XElement? Result, AwsCallError? Error), bool Retryable)> AttemptAsync(string action, byte[] body, CancellationToken cancellationToken)
    {
        var (signed, signingError) = await AwsRequestSigner.SignPostAsync(Url, body, new Dictionary<string, string> { ["Content-Type"] = FormContentType },
            Credentials, Region, SigningName, Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (signed is null)
        {
            return ((null, new AwsCallError(Service, action, "NoCredentials", signingError!)), false);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(FormContentType);
        request.Options.Set(AwsOperation.Key, action);
        foreach (var (name, value) in signed)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        HttpResponseMessage response;
        try
        {
            response = await Http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ((null, new AwsCallError(Service, action, "NetworkError", $"{Service} at {Url} could not be reached: {e.Message}")), true);
        }
        using (response)
        {
            var xml = Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var requestId = xml?.Descendants().FirstOrDefault(static e => e.Name.LocalName == "RequestId")?.Value.Trim();
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return xml is null
                    ? ((null, new AwsCallError(Service, action, "InvalidResponse", "the response is not XML", requestId, status)), false)
                    : ((xml.Root!.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? xml.Root, null), false);
            }
            var error = xml?.Descendants().FirstOrDefault(static e => e.Name.LocalName == "Error");
            var code = error?.Elements().FirstOrDefault(static e => e.Name.LocalName == "Code")?.Value.Trim() ?? $"Http{status}";
            var message = error?.Elements().FirstOrDefault(static e => e.Name.LocalName == "Message")?.Value.Trim() ?? $"{Service} answered HTTP {status}";
            return ((null, new AwsCallError(Service, action, code, message, requestId, status)), AwsRetryPolicy.IsRetryable(status, code));
        }
    }

    private static XDocument? Parse(string text)
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
