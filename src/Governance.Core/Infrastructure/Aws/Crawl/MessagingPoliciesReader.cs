using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon;
using Amazon.Runtime;
using Governance.Core.Infrastructure.Aws.Organizations;

namespace Governance.Core.Infrastructure.Aws.Crawl;

/// <summary>
/// Reads the resource policies of an account's SNS topics (<c>ListTopics</c>, <c>GetTopicAttributes</c>) and SQS
/// queues (<c>ListQueues</c>, <c>GetQueueAttributes</c>) in the regions asked, through their Query APIs, as
/// <c>resources.json</c>'s <c>Other</c> entries (<c>{"Arn","Policy"}</c>). A queue without a policy has no entry.
/// </summary>
internal sealed record MessagingPoliciesReader(HttpClient Http, SdkClientConfigs Configs, AWSCredentials Credentials, TimeProvider Time)
{
    /// <summary>The policies of every topic and queue in <paramref name="regions"/>, or the first call that failed.</summary>
    public async Task<(JsonArray? Policies, AwsCallError? Error)> ReadAsync(IEnumerable<string> regions, CancellationToken cancellationToken)
    {
        var policies = new JsonArray();
        foreach (var region in regions)
        {
            var error = await ReadTopicsAsync(region, policies, cancellationToken).ConfigureAwait(false)
                ?? await ReadQueuesAsync(region, policies, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return (null, error);
            }
        }
        return (policies, null);
    }

    private async Task<AwsCallError?> ReadTopicsAsync(string region, JsonArray into, CancellationToken cancellationToken)
    {
        var sns = Client("SNS", "sns", region, "2010-03-31");
        string? token = null;
        do
        {
            var (page, error) = await sns.CallAsync("ListTopics", token is null ? [] : [("NextToken", token)], cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                return error;
            }
            foreach (var arn in Descendants(page, "TopicArn"))
            {
                var (attributes, attributesError) = await sns.CallAsync("GetTopicAttributes", [("TopicArn", arn)], cancellationToken).ConfigureAwait(false);
                if (attributes is null)
                {
                    return attributesError;
                }
                // <Attributes><entry><key>Policy</key><value>…</value></entry>…</Attributes>
                var policy = attributes.Descendants().Where(static e => e.Name.LocalName == "entry")
                    .FirstOrDefault(static e => Text(e, "key") == "Policy") is { } entry ? Text(entry, "value") : null;
                if (policy is { Length: > 0 })
                {
                    into.Add(new JsonObject { ["Arn"] = arn, ["Policy"] = policy });
                }
            }
            token = Text(page, "NextToken") is { Length: > 0 } next && next != token ? next : null;
        }
        while (token is not null);
        return null;
    }

    private async Task<AwsCallError?> ReadQueuesAsync(string region, JsonArray into, CancellationToken cancellationToken)
    {
        var sqs = Client("SQS", "sqs", region, "2012-11-05");
        string? token = null;
        do
        {
            List<(string, string)> paging = [("MaxResults", "1000")];
            if (token is not null)
            {
                paging.Add(("NextToken", token));
            }
            var (page, error) = await sqs.CallAsync("ListQueues", paging, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                return error;
            }
            foreach (var url in Descendants(page, "QueueUrl"))
            {
                var (attributes, attributesError) = await sqs.CallAsync("GetQueueAttributes",
                    [("QueueUrl", url), ("AttributeName.1", "Policy"), ("AttributeName.2", "QueueArn")], cancellationToken).ConfigureAwait(false);
                if (attributes is null)
                {
                    return attributesError;
                }
                // <Attribute><Name>Policy</Name><Value>…</Value></Attribute>
                var values = attributes.Descendants().Where(static e => e.Name.LocalName == "Attribute")
                    .ToDictionary(static e => Text(e, "Name") ?? "", static e => Text(e, "Value"), StringComparer.Ordinal);
                if (values.GetValueOrDefault("Policy") is { Length: > 0 } policy && values.GetValueOrDefault("QueueArn") is { Length: > 0 } arn)
                {
                    into.Add(new JsonObject { ["Arn"] = arn, ["Policy"] = policy });
                }
            }
            token = Text(page, "NextToken") is { Length: > 0 } next && next != token ? next : null;
        }
        while (token is not null);
        return null;
    }

    private QueryServiceClient Client(string serviceKey, string signingName, string region, string version)
    {
        var url = AwsEndpointOverride.Find(Configs.Environment, serviceKey).Url
            ?? new Uri(string.Create(CultureInfo.InvariantCulture, $"https://{signingName}.{region}.{RegionEndpoint.GetBySystemName(region).PartitionDnsSuffix}/"));
        return new QueryServiceClient(Http, url, serviceKey, signingName, region, version, Credentials, Time);
    }

    private static IEnumerable<string> Descendants(XElement parent, string name)
        => parent.Descendants().Where(e => e.Name.LocalName == name).Select(static e => e.Value.Trim()).Where(static v => v.Length > 0);

    private static string? Text(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}
