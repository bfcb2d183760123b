using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Governance.Core.Tests.Infrastructure.Aws.Sts;

/// <summary>Makes AWSSDK.Core read the current <c>AWS_*</c> variables again. It keeps for the life of the process the
/// region, retry and endpoint settings it read first, and the shared credentials file's path from the first time any
/// code in the process used it; a test that sets its own variables clears those first.</summary>
internal static class AwsSdkCaches
{
    public static void Reset()
    {
        FallbackRegionFactory.Reset();
        FallbackInternalConfigurationFactory.Reset();
        // Null gives the SDK's default location back.
        AWSConfigs.AWSProfilesLocation = Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE");
    }
}
