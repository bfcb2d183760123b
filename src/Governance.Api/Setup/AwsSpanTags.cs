using System.Diagnostics;
using Governance.Core.Infrastructure.Aws;

namespace Governance.Api.Setup;

/// <summary>Names the AWS service and operation on the span of an outgoing HTTP call signed for AWS.</summary>
/// <remarks>
/// Every AWS call, the SDK's (STS, S3, KMS) and the service's own (IAM, Organizations), goes through <see cref="HttpClient"/>,
/// so the HttpClient instrumentation traces them all; this adds <c>rpc.system=aws-api</c>, <c>rpc.service</c> (the SigV4
/// signing name) and, when known, <c>rpc.method</c>. The signing name is read from the credential scope of the
/// <c>Authorization</c> header: the header's other parts (the access key id, the signature) never reach a tag.
/// </remarks>
internal static class AwsSpanTags
{
    private const string CredentialPrefix = "Credential=";

    public static void Enrich(Activity activity, HttpRequestMessage request)
    {
        if (SigningName(request) is not { } service)
        {
            return;
        }
        activity.SetTag("rpc.system", "aws-api");
        activity.SetTag("rpc.service", service);
        if (Operation(request) is { } operation)
        {
            activity.SetTag("rpc.method", operation);
            activity.DisplayName = $"{service}.{operation}";
        }
    }

    /// <summary>The fourth part of <c>Credential=KEY/DATE/REGION/SERVICE/aws4_request</c>, or null for a request not signed with SigV4.</summary>
    internal static string? SigningName(HttpRequestMessage request)
    {
        if (!request.Headers.TryGetValues("Authorization", out var values))
        {
            return null;
        }
        foreach (var value in values)
        {
            if (!value.StartsWith("AWS4-", StringComparison.Ordinal))
            {
                continue;
            }
            var at = value.IndexOf(CredentialPrefix, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }
            var scope = value.AsSpan(at + CredentialPrefix.Length);
            var end = scope.IndexOfAny(',', ' ');
            var parts = (end < 0 ? scope : scope[..end]).ToString().Split('/');
            return parts.Length == 5 && parts[4] == "aws4_request" ? parts[3] : null;
        }
        return null;
    }

    private static string? Operation(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(AwsOperation.Key, out var named))
        {
            return named;
        }
        // The JSON APIs: X-Amz-Target is SERVICE_VERSION.Operation.
        if (request.Headers.TryGetValues("X-Amz-Target", out var targets) && targets.FirstOrDefault() is { } target)
        {
            var dot = target.LastIndexOf('.');
            return dot >= 0 ? target[(dot + 1)..] : target;
        }
        return null;
    }
}
