using System.Globalization;
using System.Security;
using System.Text.Json.Nodes;
using AwsReplay.Iam;
using AwsReplay.SigV4;

namespace AwsReplay.Organizations;

/// <summary>
/// A whole organisation behind one <see cref="ReplayServer"/>: AWS Organizations (JSON 1.1), STS <c>AssumeRole</c>, IAM
/// <c>GetAccountAuthorizationDetails</c>, S3 (REST XML, path-style), KMS (JSON 1.1), and SNS and SQS (Query: listing and
/// attributes), each answered in the shape
/// the service's API reference documents, from the accounts, OUs and policies it is given.
/// </summary>
/// <remarks>
/// <para>Every request's SigV4 signature is recomputed (<see cref="SigV4Verifier"/>) for the credentials its access key
/// belongs to, the service and the region it must be signed for (Organizations and IAM: <c>us-east-1</c>; STS, bucket
/// listing and location: <see cref="Region"/>; a bucket's other calls: the bucket's region; KMS, SNS, SQS: the region
/// listed). A
/// request that fails is answered <c>SignatureDoesNotMatch</c> and recorded in <see cref="Problems"/>.</para>
/// <para>The access key decides the account, as in AWS: <see cref="CallerKeys"/> are the management account's, and each
/// member account's <see cref="AssumedKeys"/> are what <c>AssumeRole</c> hands out for its role, so a member account's
/// calls are answered from its own IAM, buckets and keys only when signed with its assumed role's keys.</para>
/// </remarks>
public sealed class OrganizationReplay
{
    private const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly Lock _gate = new();
    private readonly List<ReplayCall> _calls = [];
    private readonly List<string> _problems = [];
    private int _requestNumber;

    /// <summary>An organisation of one root, <paramref name="units"/>, <paramref name="accounts"/> (the management account among them) and <paramref name="policies"/>.</summary>
    public OrganizationReplay(string organizationId, string managementAccountId, string rootId, IReadOnlyList<ReplayUnit> units,
        IReadOnlyList<ReplayAccount> accounts, IReadOnlyList<ReplayPolicy> policies)
        => (OrganizationId, ManagementAccountId, RootId, Units, Accounts, Policies) = (organizationId, managementAccountId, rootId, units, accounts, policies);

    public string OrganizationId { get; }

    public string ManagementAccountId { get; }

    public string RootId { get; }

    public IReadOnlyList<ReplayUnit> Units { get; }

    public IReadOnlyList<ReplayAccount> Accounts { get; }

    public IReadOnlyList<ReplayPolicy> Policies { get; }

    /// <summary>The crawl's region: STS, <c>ListBuckets</c> and <c>GetBucketLocation</c> are signed for it.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The management account's long-term keys, the caller's.</summary>
    public SigV4Credentials CallerKeys { get; init; } = SigV4Credentials.Example;

    /// <summary>The role <c>AssumeRole</c> accepts in member accounts; another role is refused as AWS refuses a role that does not trust the caller.</summary>
    public string MemberRoleName { get; set; } = "OrganizationAccountAccessRole";

    /// <summary>Items per page of every Organizations and KMS list (AWS's own limit is 20 for most Organizations lists).</summary>
    public int PageSize { get; set; } = 20;

    /// <summary>
    /// Every Organizations list answers its first request with no items and a <c>NextToken</c>, as the API reference warns
    /// a list may: a client that stops at an empty page misses everything.
    /// </summary>
    public bool EmptyFirstPages { get; set; }

    /// <summary><c>ListBuckets</c> gives each bucket's <c>BucketRegion</c>, as AWS's answer has since 2024; off, only names and dates as before.</summary>
    public bool ListBucketsGivesRegion { get; set; }

    /// <summary>Member accounts whose role's trust policy refuses the caller: <c>AssumeRole</c> answers <c>AccessDenied</c>.</summary>
    public HashSet<string> AssumeRoleDenied { get; } = new(StringComparer.Ordinal);

    /// <summary>Every call answered, in order.</summary>
    public IReadOnlyList<ReplayCall> Calls
    {
        get { lock (_gate) return [.. _calls]; }
    }

    /// <summary>Every request refused for its signature or credentials, with the verifier's findings.</summary>
    public IReadOnlyList<string> Problems
    {
        get { lock (_gate) return [.. _problems]; }
    }

    /// <summary>The temporary keys <c>AssumeRole</c> hands out for a member account's role (test values).</summary>
    public static SigV4Credentials AssumedKeys(string accountId)
        => new($"ASIA{accountId}EXMP", $"replay/{accountId}/K7MDENG+bPxRfiCYzEXAMPLEKEY", PublishedSessionToken());

    /// <summary>Answers the organisation's calls on <paramref name="server"/>.</summary>
    public void Install(ReplayServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Handle(Answer);
    }

    /// <summary>The standard variables that point every service at <paramref name="server"/> with <see cref="CallerKeys"/>.</summary>
    public IReadOnlyDictionary<string, string> EnvironmentVariables(ReplayServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var variables = new Dictionary<string, string>(server.EnvironmentVariables(CallerKeys, Region), StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_ORGANIZATIONS"] = server.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_S3"] = server.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_KMS"] = server.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_SNS"] = server.Endpoint.ToString(),
            ["AWS_ENDPOINT_URL_SQS"] = server.Endpoint.ToString(),
        };
        return variables;
    }

    private ReplayResponse? Answer(RecordedRequest request)
    {
        var target = request.Header("X-Amz-Target");
        var protocol = target is not null ? Protocol.Json : request.Action is not null ? Protocol.Query : Protocol.RestXml;
        var (header, parseProblem) = SigV4.AuthorizationHeader.Parse(request.Header("Authorization"));
        if (header is null)
            return Refuse(protocol, 403, "MissingAuthenticationToken", parseProblem!);
        var account = AccountOfKey(header.AccessKeyId);
        if (account is null)
            return Refuse(protocol, 403, "InvalidClientTokenId", $"the access key `{header.AccessKeyId}` is not one of the replay's");
        var (id, keys) = account.Value;
        var (service, operation, region, resource) = Classify(request, target, header.ScopeService, header.ScopeRegion, id);
        var verification = SigV4Verifier.Verify(request, keys, service, region);
        if (!verification.IsValid)
            return Refuse(protocol, 403, "SignatureDoesNotMatch", $"{service} {operation} signed by {header.AccessKeyId}: {verification}");
        lock (_gate) _calls.Add(new ReplayCall(id, header.AccessKeyId, service, operation, region, resource));
        return service switch
        {
            "organizations" => Organizations(operation, Body(request), id),
            "sts" => AssumeRole(request.Parameters, id),
            "iam" => Iam(operation, id),
            "kms" => Kms(operation, Body(request), id, region),
            "sns" => Sns(operation, request.Parameters, id, region),
            "sqs" => Sqs(operation, request.Parameters, id, region),
            _ => S3(operation, resource, id),
        };
    }

    private (string AccountId, SigV4Credentials Keys)? AccountOfKey(string accessKeyId)
    {
        if (accessKeyId == CallerKeys.AccessKeyId)
            return (ManagementAccountId, CallerKeys);
        return Accounts.Where(a => a.Id != ManagementAccountId).Select(a => (a.Id, Keys: AssumedKeys(a.Id)))
            .Where(a => a.Keys.AccessKeyId == accessKeyId).Select(a => ((string, SigV4Credentials)?)a).FirstOrDefault();
    }

    /// <summary>The service, operation, region the request must be signed for, and the resource it names.</summary>
    private (string Service, string Operation, string Region, string? Resource) Classify(RecordedRequest request, string? target, string scopeService,
        string scopeRegion, string accountId)
    {
        if (request.Action is { } queryAction && scopeService is "sns" or "sqs")
            return (scopeService, queryAction, RegionsOf(accountId).Contains(scopeRegion) ? scopeRegion : Region, null);
        if (target?.StartsWith("AWSOrganizationsV20161128.", StringComparison.Ordinal) == true)
            return ("organizations", target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], "us-east-1", null);
        if (target?.StartsWith("TrentService.", StringComparison.Ordinal) == true)
        {
            // KMS is regional: a client signing for a region of the account's keys or buckets is answered from that region.
            return ("kms", target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..], RegionsOf(accountId).Contains(scopeRegion) ? scopeRegion : Region, null);
        }
        if (request.Action == "AssumeRole")
            return ("sts", "AssumeRole", Region, request.Parameters.GetValueOrDefault("RoleArn"));
        if (request.Action is { } action)
            return ("iam", action, "us-east-1", null);
        var bucket = Uri.UnescapeDataString(request.Path.Trim('/').Split('/')[0]);
        var subresources = request.Query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
        if (bucket.Length == 0)
            return ("s3", "ListBuckets", Region, null);
        var operation = new[] { ("location", "GetBucketLocation"), ("policy", "GetBucketPolicy"), ("publicAccessBlock", "GetPublicAccessBlock"),
            ("ownershipControls", "GetBucketOwnershipControls"), ("encryption", "GetBucketEncryption") }
            .Where(p => subresources.Contains(p.Item1)).Select(p => p.Item2).FirstOrDefault() ?? $"{request.Method} {request.Path}?{request.Query}";
        var bucketRegion = Accounts.SelectMany(a => a.Buckets).FirstOrDefault(b => b.Name == bucket)?.Region ?? Region;
        return ("s3", operation, operation == "GetBucketLocation" ? Region : bucketRegion, bucket);
    }

    private ReplayAccount Account(string id) => Accounts.Single(a => a.Id == id);

    /// <summary>The regions a regional service may be asked in for the account: the crawl's, and those of its resources.</summary>
    private HashSet<string> RegionsOf(string accountId)
    {
        var account = Account(accountId);
        return [Region, .. account.Buckets.Select(b => b.Region), .. account.Keys.Select(k => k.Region),
            .. (account.Topics ?? []).Select(t => t.Region), .. (account.Queues ?? []).Select(q => q.Region)];
    }

    private const string SnsNamespace = "http://sns.amazonaws.com/doc/2010-03-31/";

    private const string SqsNamespace = "http://queue.amazonaws.com/doc/2012-11-05/";

    private ReplayResponse Sns(string action, IReadOnlyDictionary<string, string> parameters, string accountId, string region)
    {
        var topics = (Account(accountId).Topics ?? []).Where(t => t.Region == region).ToList();
        string Arn(ReplayTopic t) => $"arn:aws:sns:{t.Region}:{accountId}:{t.Name}";
        var id = NextRequestId();
        switch (action)
        {
            case "ListTopics":
            {
                var (page, next) = QueryPage(topics, parameters);
                return ReplayResponse.Xml($"<ListTopicsResponse xmlns=\"{SnsNamespace}\"><ListTopicsResult><Topics>"
                    + string.Concat(page.Select(t => $"<member><TopicArn>{Arn(t)}</TopicArn></member>"))
                    + $"</Topics>{next}</ListTopicsResult><ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata></ListTopicsResponse>", id);
            }
            case "GetTopicAttributes" when topics.FirstOrDefault(t => Arn(t) == parameters.GetValueOrDefault("TopicArn")) is { } topic:
                return ReplayResponse.Xml($"<GetTopicAttributesResponse xmlns=\"{SnsNamespace}\"><GetTopicAttributesResult><Attributes>"
                    + $"<entry><key>Owner</key><value>{accountId}</value></entry>"
                    + $"<entry><key>Policy</key><value>{SecurityElement.Escape(topic.Policy)}</value></entry>"
                    + $"<entry><key>TopicArn</key><value>{Arn(topic)}</value></entry>"
                    + $"</Attributes></GetTopicAttributesResult><ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata></GetTopicAttributesResponse>", id);
            case "GetTopicAttributes":
                return ReplayResponse.QueryError(404, "NotFound", "Topic does not exist", id, SnsNamespace);
            default:
                return ReplayResponse.QueryError(400, "InvalidAction", $"the replay does not serve SNS {action}", id, SnsNamespace);
        }
    }

    private ReplayResponse Sqs(string action, IReadOnlyDictionary<string, string> parameters, string accountId, string region)
    {
        var queues = (Account(accountId).Queues ?? []).Where(q => q.Region == region).ToList();
        string Url(ReplayQueue q) => $"https://sqs.{q.Region}.amazonaws.com/{accountId}/{q.Name}";
        var id = NextRequestId();
        switch (action)
        {
            case "ListQueues":
            {
                var (page, next) = QueryPage(queues, parameters);
                return ReplayResponse.Xml($"<ListQueuesResponse xmlns=\"{SqsNamespace}\"><ListQueuesResult>"
                    + string.Concat(page.Select(q => $"<QueueUrl>{Url(q)}</QueueUrl>")) + next
                    + $"</ListQueuesResult><ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata></ListQueuesResponse>", id);
            }
            case "GetQueueAttributes" when queues.FirstOrDefault(q => Url(q) == parameters.GetValueOrDefault("QueueUrl")) is { } queue:
                return ReplayResponse.Xml($"<GetQueueAttributesResponse xmlns=\"{SqsNamespace}\"><GetQueueAttributesResult>"
                    + $"<Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:{queue.Region}:{accountId}:{queue.Name}</Value></Attribute>"
                    + (queue.Policy is { } policy ? $"<Attribute><Name>Policy</Name><Value>{SecurityElement.Escape(policy)}</Value></Attribute>" : "")
                    + $"</GetQueueAttributesResult><ResponseMetadata><RequestId>{id}</RequestId></ResponseMetadata></GetQueueAttributesResponse>", id);
            case "GetQueueAttributes":
                return ReplayResponse.QueryError(400, "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist for this wsdl version.", id, SqsNamespace);
            default:
                return ReplayResponse.QueryError(400, "InvalidAction", $"the replay does not serve SQS {action}", id, SqsNamespace);
        }
    }

    private static JsonObject Body(RecordedRequest request)
        => request.Body.Length == 0 ? [] : JsonNode.Parse(request.BodyText) as JsonObject ?? [];

    // Organizations: the management account only, as AWS answers member accounts AccessDeniedException.
    private ReplayResponse Organizations(string operation, JsonObject body, string accountId)
    {
        if (accountId != ManagementAccountId)
            return JsonError(400, "AccessDeniedException", "You don't have permissions to access this resource.");
        var parent = (string?)body["ParentId"];
        var policyId = (string?)body["PolicyId"];
        switch (operation)
        {
            case "DescribeOrganization":
                return Json(new JsonObject
                {
                    ["Organization"] = new JsonObject
                    {
                        ["Id"] = OrganizationId,
                        ["Arn"] = $"arn:aws:organizations::{ManagementAccountId}:organization/{OrganizationId}",
                        ["FeatureSet"] = "ALL",
                        ["MasterAccountArn"] = AccountArn(ManagementAccountId),
                        ["MasterAccountId"] = ManagementAccountId,
                        ["MasterAccountEmail"] = Account(ManagementAccountId).Email,
                        ["AvailablePolicyTypes"] = new JsonArray(),
                    },
                });
            case "ListRoots":
                return Page(body, "Roots", [new JsonObject
                {
                    ["Id"] = RootId,
                    ["Arn"] = $"arn:aws:organizations::{ManagementAccountId}:root/{OrganizationId}/{RootId}",
                    ["Name"] = "Root",
                    ["PolicyTypes"] = new JsonArray(
                        new JsonObject { ["Type"] = "SERVICE_CONTROL_POLICY", ["Status"] = "ENABLED" },
                        new JsonObject { ["Type"] = "RESOURCE_CONTROL_POLICY", ["Status"] = "ENABLED" }),
                }]);
            case "ListOrganizationalUnitsForParent" when IsContainer(parent):
                return Page(body, "OrganizationalUnits", [.. Units.Where(u => u.ParentId == parent).Select(u => new JsonObject
                {
                    ["Id"] = u.Id,
                    ["Arn"] = $"arn:aws:organizations::{ManagementAccountId}:ou/{OrganizationId}/{u.Id}",
                    ["Name"] = u.Name,
                })]);
            case "ListAccountsForParent" when IsContainer(parent):
                return Page(body, "Accounts", [.. Accounts.Where(a => a.ParentId == parent).Select(a => new JsonObject
                {
                    ["Id"] = a.Id,
                    ["Arn"] = AccountArn(a.Id),
                    ["Email"] = a.Email,
                    ["Name"] = a.Name,
                    ["Status"] = a.Status,
                    ["JoinedMethod"] = a.Id == ManagementAccountId ? "INVITED" : "CREATED",
                    ["JoinedTimestamp"] = a.JoinedTimestamp,
                })]);
            case "ListOrganizationalUnitsForParent" or "ListAccountsForParent":
                return JsonError(400, "ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
            case "ListPolicies":
                return Page(body, "Policies", [.. Policies.Where(p => p.Type == (string?)body["Filter"]).Select(Summary)]);
            case "DescribePolicy" when Policies.FirstOrDefault(p => p.Id == policyId) is { } described:
                return Json(new JsonObject { ["Policy"] = new JsonObject { ["PolicySummary"] = Summary(described), ["Content"] = described.Content } });
            case "ListTargetsForPolicy" when Policies.FirstOrDefault(p => p.Id == policyId) is { } attached:
                return Page(body, "Targets", [.. attached.TargetIds.Select(Target)]);
            case "DescribePolicy" or "ListTargetsForPolicy":
                return JsonError(400, "PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");
            default:
                return JsonError(400, "InvalidAction", $"the replay does not serve Organizations {operation}");
        }
    }

    private bool IsContainer(string? id) => id == RootId || Units.Any(u => u.Id == id);

    private string AccountArn(string id) => $"arn:aws:organizations::{ManagementAccountId}:account/{OrganizationId}/{id}";

    private JsonObject Summary(ReplayPolicy p) => new()
    {
        ["Id"] = p.Id,
        ["Arn"] = p.AwsManaged
            ? $"arn:aws:organizations::aws:policy/{p.Type.ToLowerInvariant()}/{p.Id}"
            : $"arn:aws:organizations::{ManagementAccountId}:policy/{OrganizationId}/{p.Type.ToLowerInvariant()}/{p.Id}",
        ["Name"] = p.Name,
        ["Description"] = $"{p.Name} (replay)",
        ["Type"] = p.Type,
        ["AwsManaged"] = p.AwsManaged,
    };

    private JsonObject Target(string id)
    {
        if (id == RootId)
            return new JsonObject { ["TargetId"] = id, ["Arn"] = $"arn:aws:organizations::{ManagementAccountId}:root/{OrganizationId}/{id}", ["Name"] = "Root", ["Type"] = "ROOT" };
        if (Units.FirstOrDefault(u => u.Id == id) is { } unit)
            return new JsonObject { ["TargetId"] = id, ["Arn"] = $"arn:aws:organizations::{ManagementAccountId}:ou/{OrganizationId}/{id}", ["Name"] = unit.Name, ["Type"] = "ORGANIZATIONAL_UNIT" };
        return new JsonObject { ["TargetId"] = id, ["Arn"] = AccountArn(id), ["Name"] = Account(id).Name, ["Type"] = "ACCOUNT" };
    }

    /// <summary>One page of <paramref name="items"/>: from the request's <c>NextToken</c> (an offset here; opaque to clients), at most <see cref="PageSize"/> or <c>MaxResults</c>.</summary>
    private ReplayResponse Page(JsonObject body, string listName, IReadOnlyList<JsonObject> items)
    {
        if (EmptyFirstPages && body["NextToken"] is null)
            return Json(new JsonObject { [listName] = new JsonArray(), ["NextToken"] = "replay-token-0" });
        var start = body["NextToken"] is { } token && int.TryParse(((string)token!).Replace("replay-token-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var size = body["MaxResults"] is { } max ? Math.Min((int)max, PageSize) : PageSize;
        var page = new JsonObject { [listName] = new JsonArray([.. items.Skip(start).Take(size)]) };
        if (start + size < items.Count)
            page["NextToken"] = $"replay-token-{start + size}";
        return Json(page);
    }

    /// <summary>A Query list's page from the request's <c>NextToken</c>, at most <see cref="PageSize"/>, and the <c>&lt;NextToken&gt;</c> element when more follow.</summary>
    private (List<T> Page, string Next) QueryPage<T>(IReadOnlyList<T> items, IReadOnlyDictionary<string, string> parameters)
    {
        var start = parameters.TryGetValue("NextToken", out var token) ? int.Parse(token["replay-token-".Length..], CultureInfo.InvariantCulture) : 0;
        var page = items.Skip(start).Take(PageSize).ToList();
        return (page, start + PageSize < items.Count ? $"<NextToken>replay-token-{start + PageSize}</NextToken>" : "");
    }

    private ReplayResponse AssumeRole(IReadOnlyDictionary<string, string> parameters, string callerAccount)
    {
        var roleArn = parameters.GetValueOrDefault("RoleArn") ?? "";
        var member = Accounts.FirstOrDefault(a => roleArn == $"arn:aws:iam::{a.Id}:role/{MemberRoleName}");
        if (callerAccount != ManagementAccountId || member is null || AssumeRoleDenied.Contains(member.Id))
        {
            return StsResponses.Error(403, "AccessDenied",
                $"User: arn:aws:iam::{callerAccount}:user/Alice is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }
        var keys = AssumedKeys(member.Id);
        var text = StsResponses.PublishedAssumeRoleText()
            .Replace("ASIAIOSFODNN7EXAMPLE", keys.AccessKeyId, StringComparison.Ordinal)
            .Replace("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY", keys.SecretAccessKey, StringComparison.Ordinal);
        return ReplayResponse.Xml(text, StsResponses.PublishedRequestId);
    }

    private ReplayResponse Iam(string action, string accountId)
        => action == "GetAccountAuthorizationDetails"
            ? ReplayResponse.Xml(IamSamples.AccountAuthorizationDetailsPage(Account(accountId).Iam, NextRequestId()), NextRequestId())
            : ReplayResponse.QueryError(400, "InvalidAction", $"the replay does not serve IAM {action}", NextRequestId());

    private ReplayResponse Kms(string operation, JsonObject body, string accountId, string region)
    {
        var keys = Account(accountId).Keys.Where(k => k.Region == region).ToList();
        var keyId = (string?)body["KeyId"];
        var key = keys.FirstOrDefault(k => k.KeyId == keyId || KeyArn(accountId, k) == keyId);
        switch (operation)
        {
            case "ListKeys":
            {
                var start = body["Marker"] is { } marker ? int.Parse(((string)marker!)["replay-marker-".Length..], CultureInfo.InvariantCulture) : 0;
                var size = body["Limit"] is { } limit ? Math.Min((int)limit, PageSize) : PageSize;
                var page = new JsonObject
                {
                    ["Keys"] = new JsonArray([.. keys.Skip(start).Take(size).Select(k => new JsonObject { ["KeyArn"] = KeyArn(accountId, k), ["KeyId"] = k.KeyId })]),
                    ["Truncated"] = start + size < keys.Count,
                };
                if (start + size < keys.Count)
                    page["NextMarker"] = $"replay-marker-{start + size}";
                return Json(page);
            }
            case "DescribeKey" when key is not null:
                return Json(new JsonObject
                {
                    ["KeyMetadata"] = new JsonObject
                    {
                        ["AWSAccountId"] = accountId,
                        ["Arn"] = KeyArn(accountId, key),
                        ["CreationDate"] = 1.499288695918E9,
                        ["Description"] = "",
                        ["Enabled"] = key.KeyState == "Enabled",
                        ["KeyId"] = key.KeyId,
                        ["KeyManager"] = key.KeyManager,
                        ["KeyState"] = key.KeyState,
                        ["KeyUsage"] = "ENCRYPT_DECRYPT",
                        ["KeySpec"] = "SYMMETRIC_DEFAULT",
                        ["CustomerMasterKeySpec"] = "SYMMETRIC_DEFAULT",
                        ["EncryptionAlgorithms"] = new JsonArray("SYMMETRIC_DEFAULT"),
                        ["MultiRegion"] = false,
                        ["Origin"] = "AWS_KMS",
                    },
                });
            case "GetKeyPolicy" when key is not null:
                return (string?)body["PolicyName"] is null or "default"
                    ? Json(new JsonObject { ["Policy"] = key.Policy, ["PolicyName"] = "default" })
                    : JsonError(400, "NotFoundException", "No such policy exists");
            case "DescribeKey" or "GetKeyPolicy":
                return JsonError(400, "NotFoundException", $"Key '{KeyArnOf(accountId, region, keyId)}' does not exist");
            default:
                return JsonError(400, "UnsupportedOperationException", $"the replay does not serve KMS {operation}");
        }
    }

    private static string KeyArn(string accountId, ReplayKey key) => KeyArnOf(accountId, key.Region, key.KeyId);

    private static string KeyArnOf(string accountId, string region, string? keyId) => $"arn:aws:kms:{region}:{accountId}:key/{keyId}";

    private ReplayResponse S3(string operation, string? bucketName, string accountId)
    {
        var account = Account(accountId);
        if (operation == "ListBuckets")
        {
            var buckets = string.Concat(account.Buckets.Select(b =>
                $"<Bucket>{(ListBucketsGivesRegion ? $"<BucketRegion>{b.Region}</BucketRegion>" : "")}<CreationDate>2019-12-11T23:32:47+00:00</CreationDate>"
                + $"<Name>{SecurityElement.Escape(b.Name)}</Name></Bucket>"));
            return S3Xml($"<ListAllMyBucketsResult xmlns=\"{S3Namespace}\"><Buckets>{buckets}</Buckets>"
                + $"<Owner><DisplayName>account-{accountId}</DisplayName><ID>{accountId}canonicaluserid</ID></Owner></ListAllMyBucketsResult>");
        }
        var bucket = account.Buckets.FirstOrDefault(b => b.Name == bucketName);
        if (bucket is null)
        {
            return Accounts.Any(a => a.Buckets.Any(b => b.Name == bucketName))
                ? S3Error(403, "AccessDenied", "Access Denied", bucketName)
                : S3Error(404, "NoSuchBucket", "The specified bucket does not exist", bucketName);
        }
        switch (operation)
        {
            case "GetBucketLocation":
                // us-east-1 is answered as an empty constraint, as S3 does.
                return S3Xml($"<LocationConstraint xmlns=\"{S3Namespace}\">{(bucket.Region == "us-east-1" ? "" : bucket.Region)}</LocationConstraint>");
            case "GetBucketPolicy":
                return bucket.Policy is { } policy
                    ? new ReplayResponse(200, policy, "application/json", Headers: S3Headers())
                    : S3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist", bucket.Name);
            case "GetPublicAccessBlock":
                return bucket.BlockPublicAccess is { } b
                    ? S3Xml($"<PublicAccessBlockConfiguration xmlns=\"{S3Namespace}\"><BlockPublicAcls>{Bool(b[0])}</BlockPublicAcls>"
                        + $"<IgnorePublicAcls>{Bool(b[1])}</IgnorePublicAcls><BlockPublicPolicy>{Bool(b[2])}</BlockPublicPolicy>"
                        + $"<RestrictPublicBuckets>{Bool(b[3])}</RestrictPublicBuckets></PublicAccessBlockConfiguration>")
                    : S3Error(404, "NoSuchPublicAccessBlockConfiguration", "The public access block configuration was not found", bucket.Name);
            case "GetBucketOwnershipControls":
                return bucket.ObjectOwnership is { } ownership
                    ? S3Xml($"<OwnershipControls xmlns=\"{S3Namespace}\"><Rule><ObjectOwnership>{ownership}</ObjectOwnership></Rule></OwnershipControls>")
                    : S3Error(404, "OwnershipControlsNotFoundError", "The bucket ownership controls were not found", bucket.Name);
            case "GetBucketEncryption":
                return bucket.SseAlgorithm is { } algorithm
                    ? S3Xml($"<ServerSideEncryptionConfiguration xmlns=\"{S3Namespace}\"><Rule><ApplyServerSideEncryptionByDefault>"
                        + $"<SSEAlgorithm>{algorithm}</SSEAlgorithm>{(bucket.KmsKeyId is { } k ? $"<KMSMasterKeyID>{k}</KMSMasterKeyID>" : "")}"
                        + $"</ApplyServerSideEncryptionByDefault><BucketKeyEnabled>{Bool(bucket.BucketKeyEnabled)}</BucketKeyEnabled></Rule></ServerSideEncryptionConfiguration>")
                    : S3Error(404, "ServerSideEncryptionConfigurationNotFoundError", "The server side encryption configuration was not found", bucket.Name);
            default:
                return S3Error(501, "NotImplemented", $"the replay does not serve S3 {operation}", bucket.Name);
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private Dictionary<string, string> S3Headers() => new() { ["x-amz-request-id"] = NextRequestId(), ["x-amz-id-2"] = "replay-host-id" };

    private ReplayResponse S3Xml(string body) => new(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + body, "application/xml", Headers: S3Headers());

    private ReplayResponse S3Error(int status, string code, string message, string? bucket)
        => new(status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message>"
            + $"{(bucket is null ? "" : $"<BucketName>{SecurityElement.Escape(bucket)}</BucketName>")}<RequestId>{NextRequestId()}</RequestId><HostId>replay-host-id</HostId></Error>",
            "application/xml", Headers: S3Headers());

    private ReplayResponse Json(JsonObject body) => new(200, body.ToJsonString(), "application/x-amz-json-1.1", NextRequestId());

    private ReplayResponse JsonError(int status, string code, string message)
        => new(status, new JsonObject { ["__type"] = code, ["message"] = message }.ToJsonString(), "application/x-amz-json-1.1", NextRequestId());

    private ReplayResponse Refuse(Protocol protocol, int status, string code, string message)
    {
        lock (_gate) _problems.Add(message);
        return protocol switch
        {
            Protocol.Json => JsonError(status, code, message),
            Protocol.Query => ReplayResponse.QueryError(status, code, message, NextRequestId()),
            _ => S3Error(status, code, message, null),
        };
    }

    private string NextRequestId() => $"replay-{Interlocked.Increment(ref _requestNumber):D6}";

    private static string PublishedSessionToken()
    {
        var text = StsResponses.PublishedAssumeRoleText();
        var start = text.IndexOf("<SessionToken>", StringComparison.Ordinal) + "<SessionToken>".Length;
        var end = text.IndexOf("</SessionToken>", StringComparison.Ordinal);
        return string.Concat(text[start..end].Where(c => !char.IsWhiteSpace(c)));
    }

    private enum Protocol
    {
        Json,
        Query,
        RestXml,
    }
}
