using System.Globalization;

namespace AwsReplay;

/// <summary>STS answers in the shapes the STS API Reference publishes, read from the test data beside the test assembly
/// (<c>TestData/aws/sts/</c>, copied from <c>tests/data/aws/sts/</c>).</summary>
public static class StsResponses
{
    /// <summary>The <c>Expiration</c> of the published <c>AssumeRole</c> example.</summary>
    public const string PublishedExpiration = "2019-11-09T13:34:41Z";

    /// <summary>The <c>RequestId</c> of the published <c>AssumeRole</c> example.</summary>
    public const string PublishedRequestId = "c6104cbe-af31-11e0-8154-cbc7ccf896c7";

    /// <summary>The published <c>AssumeRole</c> example text, unchanged.</summary>
    public static string PublishedAssumeRoleText()
        => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "aws", "sts", "AssumeRole.response.xml"));

    /// <summary>The published <c>AssumeRole</c> example; with <paramref name="expiration"/>, that instant replaces the
    /// example's 2019 expiration, so that the credentials are current for a test's clock.</summary>
    public static ReplayResponse AssumeRole(DateTimeOffset? expiration = null)
    {
        var text = PublishedAssumeRoleText();
        if (expiration is { } at)
        {
            var iso = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            text = text.Replace($"<Expiration>{PublishedExpiration}</Expiration>", $"<Expiration>{iso}</Expiration>", StringComparison.Ordinal);
        }
        return ReplayResponse.Xml(text, PublishedRequestId);
    }

    /// <summary>An STS Query API error in the documented shape.</summary>
    public static ReplayResponse Error(int status, string code, string message, string requestId = "0d7a1f1e-0000-4000-8000-5b5e2c0ffee0")
        => ReplayResponse.QueryError(status, code, message, requestId, ReplayResponse.StsNamespace);
}
