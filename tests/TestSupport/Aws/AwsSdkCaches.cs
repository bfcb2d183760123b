using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace TestSupport.Aws;

/// <summary>Makes AWSSDK.Core read the current <c>AWS_*</c> variables again. It keeps for the life of the process the
/// region, retry and endpoint settings it read first, and the shared credentials file's path from the first time any
/// code in the process used it; a test that sets its own variables clears those first.</summary>
public static class AwsSdkCaches
{
    /// <summary>Forgets what AWSSDK.Core read: pass it as <c>AwsReplay.AwsEnvironmentScope.SetAsync</c>'s <c>onChange</c>.</summary>
    public static void Reset()
    {
        FallbackRegionFactory.Reset();
        FallbackInternalConfigurationFactory.Reset();
        // Null gives the SDK's default location back.
        AWSConfigs.AWSProfilesLocation = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
    }
}
