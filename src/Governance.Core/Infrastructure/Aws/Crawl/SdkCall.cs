using Amazon.Runtime;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>Runs one call of an AWS SDK client and turns what it throws into an <see cref="AwsCallError"/> value.</summary>
internal static class SdkCall
{
    /// <summary>
    /// The call's answer; null with no error when AWS answers one of <paramref name="absentCodes"/> (the documented
    /// "there is none" errors, such as S3's <c>NoSuchBucketPolicy</c>); or the error.
    /// </summary>
    public static async Task<(T? Value, AwsCallError? Error)> RunAsync<T>(string service, string action, Func<Task<T>> call, params string[] absentCodes)
        where T : class
    {
        try
        {
            var value = await call().ConfigureAwait(false);
            // AWSSDK.S3 does not throw for some error statuses: GetBucketPolicy answers a 404 NoSuchBucketPolicy with the
            // error's XML as the policy. Each "there is none" error of the calls made here is a 404.
            if (value is AmazonWebServiceResponse { HttpStatusCode: var status } && (int)status >= 300)
            {
                return (int)status == 404 && absentCodes.Length > 0
                    ? (null, null)
                    : (null, new AwsCallError(service, action, $"Http{(int)status}", $"{service} answered HTTP {(int)status}", null, (int)status));
            }
            return (value, null);
        }
        catch (AmazonServiceException e) when (e.ErrorCode is { } code && absentCodes.Contains(code, StringComparer.Ordinal))
        {
            return (null, null);
        }
        catch (AmazonServiceException e)
        {
            return (null, new AwsCallError(service, action, e.ErrorCode ?? $"Http{(int)e.StatusCode}", FirstLine(e.Message), e.RequestId, (int)e.StatusCode));
        }
        catch (AmazonClientException e)
        {
            // Raised before or instead of an answer: no credentials or region, or the endpoint unreachable after the SDK's retries.
            return (null, new AwsCallError(service, action, "ClientError", FirstLine(e.Message)));
        }
        catch (HttpRequestException e)
        {
            return (null, new AwsCallError(service, action, "NetworkError", FirstLine(e.Message)));
        }
    }

    private static string FirstLine(string? message) => message?.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : "no message";
}
