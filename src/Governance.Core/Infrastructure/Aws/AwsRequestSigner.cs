using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Governance.Core.Infrastructure.Aws;

/// <summary>Signs a request sent over <see cref="HttpClient"/> with AWSSDK.Core's SigV4 signer, for the APIs whose SDK client is not used.</summary>
internal static class AwsRequestSigner
{
    /// <summary>
    /// The headers to add to the request (<c>Authorization</c>, <c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, ...), or why
    /// the credentials could not be had: refreshing ones (web identity, container, instance) can fail to refresh.
    /// </summary>
    /// <param name="url">The request's address.</param>
    /// <param name="body">The request's body.</param>
    /// <param name="headers">The headers to sign besides host and date, as sent.</param>
    /// <param name="credentials">The credentials, resolved again for each request.</param>
    /// <param name="region">The credential scope's region.</param>
    /// <param name="service">The credential scope's signing name.</param>
    /// <param name="signedAt">The signature's date.</param>
    /// <param name="cancellationToken">Cancels the credentials' refresh.</param>
    public static async Task<(IReadOnlyDictionary<string, string>? Headers, string? Error)> SignPostAsync(Uri url, byte[] body,
        IReadOnlyDictionary<string, string> headers, AWSCredentials credentials, string region, string service, DateTimeOffset signedAt,
        CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = url, Content = body };
        foreach (var (name, value) in headers)
        {
            signing.Headers[name] = value;
        }
        try
        {
            var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
            {
                Credentials = credentials,
                Region = RegionEndpoint.GetBySystemName(region),
                Service = service,
                SignedAt = signedAt.UtcDateTime,
            }, cancellationToken).ConfigureAwait(false);
            return (signed.Headers.ToDictionary(static h => h.Key, static h => h.Value, StringComparer.OrdinalIgnoreCase), null);
        }
        catch (AmazonClientException e)
        {
            return (null, e.Message);
        }
    }
}
