using System.Security;

namespace AwsReplay;

/// <summary>A canned answer of the replay endpoint.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The body, sent as UTF-8.</param>
/// <param name="ContentType">The Content-Type header.</param>
/// <param name="RequestId">Sent as <c>x-amzn-RequestId</c> when not null, as AWS's Query APIs do.</param>
/// <param name="Headers">More headers to send.</param>
public sealed record ReplayResponse(
    int Status,
    string Body,
    string ContentType = "text/xml",
    string? RequestId = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The XML namespace of IAM's Query API responses.</summary>
    public const string IamNamespace = "https://iam.amazonaws.com/doc/2010-05-08/";

    /// <summary>The XML namespace of STS's Query API responses.</summary>
    public const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>A 200 answer with an XML body.</summary>
    public static ReplayResponse Xml(string body, string? requestId = null) => new(200, body, "text/xml", requestId);

    /// <summary>A 200 answer with a JSON body (instance and container metadata, SSO).</summary>
    public static ReplayResponse Json(string body) => new(200, body, "application/json");

    /// <summary>
    /// A Query API error in the documented shape:
    /// <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
    /// </summary>
    /// <param name="status">The HTTP status, e.g. 403 for AccessDenied, 404 for NoSuchEntity, 400 for Throttling.</param>
    /// <param name="code">The AWS error code.</param>
    /// <param name="message">The error message.</param>
    /// <param name="requestId">The request id, in the body and the <c>x-amzn-RequestId</c> header.</param>
    /// <param name="xmlNamespace">The service's namespace (<see cref="IamNamespace"/>, <see cref="StsNamespace"/>).</param>
    /// <param name="type"><c>Sender</c> for client errors, <c>Receiver</c> for service errors.</param>
    public static ReplayResponse QueryError(int status, string code, string message, string requestId,
        string xmlNamespace = IamNamespace, string? type = null)
    {
        type ??= status >= 500 ? "Receiver" : "Sender";
        var body = $"""
            <ErrorResponse xmlns="{xmlNamespace}">
              <Error>
                <Type>{type}</Type>
                <Code>{SecurityElement.Escape(code)}</Code>
                <Message>{SecurityElement.Escape(message)}</Message>
              </Error>
              <RequestId>{requestId}</RequestId>
            </ErrorResponse>
            """;
        return new ReplayResponse(status, body, "text/xml", requestId);
    }
}
