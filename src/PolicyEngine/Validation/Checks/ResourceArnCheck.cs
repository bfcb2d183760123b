using PolicyEngine.Diagnostics;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// A resource must be <c>*</c> or an ARN with six fields, <c>arn:partition:service:region:account:resource</c>;
/// IAM refuses anything else ("Resource must be in ARN format or \"*\"").
/// </summary>
/// <remarks>API Gateway resource policies also accept the short form <c>execute-api:/stage/GET/path</c>.</remarks>
internal sealed class ResourceArnCheck : IPolicyCheck
{
    public string Name => "ResourceArn";

    public void Check(ValidationContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Resource is not { } resource)
            {
                continue;
            }
            foreach (var value in resource.Values)
            {
                if (value.Value.Length == 0 || IsArnOrWildcard(value.Value)
                    || (context.Kind == PolicyKind.Resource && value.Value.StartsWith("execute-api:/", StringComparison.Ordinal)))
                {
                    continue;
                }
                context.Report(DiagnosticCodes.InvalidArn, Severity.Error,
                    $"`{value.Value}` is not an ARN; expected `arn:partition:service:region:account:resource` or `*`",
                    value.Location, Help(value.Value));
            }
        }
    }

    /// <summary>
    /// True for <c>*</c> and for text with the <c>arn:</c> prefix and six colon-separated fields, or fewer when a
    /// wildcard can stand for the rest: IAM accepts <c>arn:aws:rds:*</c> (AWS managed policies use it).
    /// </summary>
    internal static bool IsArnOrWildcard(string text)
    {
        if (text == "*")
        {
            return true;
        }
        if (!text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }
        var fields = 1;
        foreach (var c in text)
        {
            if (c == ':' && ++fields == 6)
            {
                return true;
            }
        }
        return fields >= 3 && text.Contains('*', StringComparison.Ordinal);
    }

    private static string? Help(string text)
    {
        if (text.StartsWith("arn:", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("arn:", StringComparison.Ordinal))
        {
            return $"did you mean `arn:{text[4..]}`?";
        }
        return text.Contains(':', StringComparison.Ordinal)
            ? "an ARN has six fields; leave region and account empty where the service has none, as in `arn:aws:s3:::bucket/*`"
            : $"for an S3 bucket, did you mean `arn:aws:s3:::{text}`?";
    }
}
