namespace Governance.Core.Infrastructure.Aws.Organizations;

/// <summary>An AWS call of the organisation crawl that failed, as a value: what AWS said, and the request id to quote to AWS support.</summary>
/// <param name="Service">The service called, as people name it (<c>Organizations</c>, <c>STS</c>, <c>S3</c>, <c>KMS</c>, <c>IAM</c>).</param>
/// <param name="Action">The operation called.</param>
/// <param name="Code">AWS's error code, or one of ours when AWS was not reached (<c>NetworkError</c>, <c>NoCredentials</c>).</param>
/// <param name="Message">AWS's message, or ours.</param>
/// <param name="RequestId">AWS's request id, when a response arrived.</param>
/// <param name="HttpStatus">The HTTP status, when a response arrived.</param>
public sealed record AwsCallError(string Service, string Action, string Code, string Message, string? RequestId = null, int? HttpStatus = null)
{
    /// <summary>One line for a person: service, action, code, status, message and request id.</summary>
    public string Describe()
    {
        var status = HttpStatus is { } s ? $" (HTTP {s})" : "";
        var id = RequestId is { } r ? $"; request id {r}" : "";
        return $"{Service} {Action} failed: {Code}{status}: {Message}{id}";
    }
}
