using PolicyEngine.Diagnostics;
using PolicyEngine.Model;

namespace PolicyEngine.Validation.Checks;

/// <summary>
/// An S3 access point policy governs requests through its access point only, so its resources are the access point's
/// ARNs: <c>arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME</c> for bucket-level actions and
/// <c>arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME/object/KEY</c> for objects, as in every example of "Configuring IAM
/// policies for using access points" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html).
/// A bucket ARN belongs in the bucket policy, whose <c>Resource</c> "differs between the access point and bucket policies".
/// </summary>
internal sealed class AccessPointPolicyCheck : IPolicyCheck
{
    public string Name => "AccessPointPolicy";

    public void Check(ValidationContext context)
    {
        if (context.Kind != PolicyKind.AccessPoint)
        {
            return;
        }
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Resource is not { } resource)
            {
                continue;
            }
            var element = resource.IsNot ? "NotResource" : "Resource";
            foreach (var value in resource.Values)
            {
                if (!IsAccessPointArn(value.Value))
                {
                    context.Report(DiagnosticCodes.AccessPointResourceRequired, Severity.Error,
                        $"`{value.Value}` in `{element}` is not an access point ARN; access point policies name only their access point",
                        value.Location,
                        value.Value.StartsWith("arn:aws:s3:::", StringComparison.Ordinal)
                            ? "name the access point, `arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME/object/KEY`; put bucket ARNs in the bucket policy"
                            : "write `arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME` or `arn:aws:s3:REGION:ACCOUNT:accesspoint/NAME/object/KEY`");
                }
            }
        }
    }

    /// <summary>An S3 ARN whose resource part starts <c>accesspoint/</c> and has a name (wildcards allowed).</summary>
    private static bool IsAccessPointArn(string value)
        => Arn.TryParse(value, out var arn)
            && arn.Service == "s3"
            && arn.Resource.StartsWith("accesspoint/", StringComparison.Ordinal)
            && arn.Resource.Length > "accesspoint/".Length;
}
