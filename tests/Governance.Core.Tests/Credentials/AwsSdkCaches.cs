using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Governance.Core.Tests.Credentials;

/// <summary>Clears what AWSSDK.Core keeps from the environment for the life of the process (region, retry and
/// endpoint settings), so that a test's <c>AWS_*</c> variables are the ones a new client reads.</summary>
internal static class AwsSdkCaches
{
    public static void Reset()
    {
        FallbackRegionFactory.Reset();
        FallbackInternalConfigurationFactory.Reset();
    }
}
