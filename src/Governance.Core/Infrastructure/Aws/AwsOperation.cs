namespace Governance.Core.Infrastructure.Aws;

/// <summary>Names the AWS operation a request sent over <see cref="HttpClient"/> calls, for the telemetry that traces it.</summary>
/// <remarks>
/// The Query APIs (IAM, STS) name their action inside the form body, which a trace must not read; the clients that build
/// those bodies set it here instead. The JSON APIs name it in <c>X-Amz-Target</c>, which the trace reads itself.
/// </remarks>
public static class AwsOperation
{
    /// <summary>The request option holding the operation's name, such as <c>GetAccountAuthorizationDetails</c>.</summary>
    public static readonly HttpRequestOptionsKey<string> Key = new("governance.aws.operation");
}
