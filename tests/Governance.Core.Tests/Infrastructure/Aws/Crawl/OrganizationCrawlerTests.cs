using System.Text.Json;
using AwsReplay;
using AwsReplay.Organizations;
using Governance.Core.Accounts.Organization;
using Governance.Core.Infrastructure.Aws;
using Governance.Core.Infrastructure.Aws.Crawl;
using TestSupport.Aws;
using static AwsReplay.Organizations.ExampleOrganization;

namespace Governance.Core.Tests.Infrastructure.Aws.Crawl;

/// <summary>The crawl of <see cref="ExampleOrganization"/> on the loopback replay, its files checked against what the replay served.</summary>
public sealed class OrganizationCrawlerTests : IAsyncLifetime
{
    private ReplayServer _server = null!;
    private OrganizationReplay _organization = null!;

    public async Task InitializeAsync()
    {
        _server = await ReplayServer.StartAsync();
        _organization = ExampleOrganization.Create();
        _organization.Install(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Task<OrganizationCrawl> CrawlAsync(Func<OrganizationCrawlOptions, OrganizationCrawlOptions>? change = null)
    {
        var options = new OrganizationCrawlOptions(new AwsConnection(), AwsEnvironment.Of(_organization.EnvironmentVariables(_server)), TimeProvider.System);
        return OrganizationCrawler.CrawlAsync(change is null ? options : change(options), CancellationToken.None);
    }

    private static JsonElement File(OrganizationCrawl crawl, string path)
    {
        var bytes = crawl.Files[path];
        Assert.True(bytes.HasValue, $"the crawl wrote `{path}`");
        using var document = JsonDocument.Parse(bytes.Value);
        return document.RootElement.Clone();
    }

    private static string Describe(OrganizationCrawl crawl)
        => string.Join("\n", crawl.Problems.Select(p => p.ToString()).Append(crawl.Failure?.Describe() ?? ""));

    [Fact]
    public async Task CrawlAsync_ExampleOrganization_ReadsEveryAccountAndTheReaderAcceptsIt()
    {
        var crawl = await CrawlAsync();

        Assert.True(crawl.Complete, Describe(crawl));
        Assert.Empty(_organization.Problems);
        Assert.Equal([Management, Consumer, Producer], crawl.AccountsRead.ToArray());
        Assert.Equal(7, crawl.Files.Count);
        var read = OrganizationSnapshotReader.Read(crawl.Files);
        Assert.True(read.Snapshot is not null, string.Join("\n", read.Errors));
        Assert.Empty(read.Warnings);
        var snapshot = read.Snapshot;
        Assert.Equal(OrganizationId, snapshot.Organization!.Id);
        Assert.Equal(Management, snapshot.Organization.ManagementAccountId);
        Assert.Equal([(DataOu, RootId), (ProducersOu, DataOu)], snapshot.OrganizationalUnits.Select(u => (u.Id, u.ParentId)));
        Assert.Equal([(Management, RootId), (Consumer, DataOu), (Producer, ProducersOu)], snapshot.Accounts.Select(a => (a.Id, a.ParentId)));
        Assert.True(snapshot.ServiceControlPoliciesEnabled);
        Assert.True(snapshot.ResourceControlPoliciesEnabled);
        Assert.Equal(["p-FullAWSAccess", "p-examplepolicyid111", "p-RCPFullAWSAccess", "p-examplepolicyid222"], snapshot.Policies.Select(p => p.Id));
    }

    [Fact]
    public async Task CrawlAsync_ExampleOrganization_OrganizationJsonHoldsWhatOrganizationsServed()
    {
        var crawl = await CrawlAsync();

        var organization = File(crawl, "organization.json");
        Assert.Equal("arn:aws:organizations::111111111111:organization/o-exampleorgid", organization.GetProperty("Organization").GetProperty("Arn").GetString());
        var root = Assert.Single(organization.GetProperty("Roots").EnumerateArray());
        Assert.Equal(RootId, root.GetProperty("Id").GetString());
        Assert.Equal(2, root.GetProperty("PolicyTypes").GetArrayLength());
        var producer = organization.GetProperty("Accounts").EnumerateArray().Single(a => a.GetProperty("Id").GetString() == Producer);
        Assert.Equal("Producer Account", producer.GetProperty("Name").GetString());
        Assert.Equal("alice@example.com", producer.GetProperty("Email").GetString());
        Assert.Equal("ACTIVE", producer.GetProperty("Status").GetString());
        // The wire's epoch seconds (1481835741.044), printed as the AWS CLI prints them.
        Assert.Equal("2016-12-15T21:02:21.044000+00:00", producer.GetProperty("JoinedTimestamp").GetString());
        var deny = organization.GetProperty("Policies").EnumerateArray()
            .Single(p => p.GetProperty("PolicySummary").GetProperty("Id").GetString() == "p-examplepolicyid111");
        Assert.Equal("DenyLeaveOrganization", deny.GetProperty("PolicySummary").GetProperty("Name").GetString());
        Assert.Equal("SERVICE_CONTROL_POLICY", deny.GetProperty("PolicySummary").GetProperty("Type").GetString());
        Assert.False(deny.GetProperty("PolicySummary").GetProperty("AwsManaged").GetBoolean());
        Assert.Equal(DenyLeaveOrganization, deny.GetProperty("Content").GetString());
        var target = Assert.Single(deny.GetProperty("Targets").EnumerateArray());
        Assert.Equal((DataOu, "ORGANIZATIONAL_UNIT", "Data"),
            (target.GetProperty("TargetId").GetString(), target.GetProperty("Type").GetString(), target.GetProperty("Name").GetString()));
        var rcp = organization.GetProperty("Policies").EnumerateArray()
            .Single(p => p.GetProperty("PolicySummary").GetProperty("Id").GetString() == "p-examplepolicyid222");
        Assert.Equal("RESOURCE_CONTROL_POLICY", rcp.GetProperty("PolicySummary").GetProperty("Type").GetString());
        Assert.Equal(DenyOutsidePrincipals, rcp.GetProperty("Content").GetString());
    }

    [Fact]
    public async Task CrawlAsync_ProducerAccount_ResourcesHoldBucketsAndKeysAsServed()
    {
        var crawl = await CrawlAsync();

        var resources = File(crawl, $"accounts/{Producer}/resources.json");
        var expected = $$"""
            {
              "Buckets": [
                {
                  "Name": "amzn-s3-demo-bucket",
                  "Region": "eu-west-1",
                  "Policy": {{JsonSerializer.Serialize(LakeBucketPolicy)}},
                  "PublicAccessBlock": { "BlockPublicAcls": true, "IgnorePublicAcls": true, "BlockPublicPolicy": true, "RestrictPublicBuckets": true },
                  "OwnershipControls": "BucketOwnerEnforced",
                  "Encryption": { "SSEAlgorithm": "aws:kms", "KMSMasterKeyID": "{{LakeKeyArn}}", "BucketKeyEnabled": true }
                },
                {
                  "Name": "amzn-s3-demo-bucket2",
                  "Region": "us-east-1",
                  "Policy": null,
                  "PublicAccessBlock": null,
                  "OwnershipControls": null,
                  "Encryption": { "SSEAlgorithm": "AES256", "BucketKeyEnabled": false }
                }
              ],
              "KmsKeys": [
                { "KeyId": "{{LakeKeyId}}", "Arn": "{{LakeKeyArn}}", "KeyManager": "CUSTOMER", "Policy": {{JsonSerializer.Serialize(LakeKeyPolicy)}} },
                { "KeyId": "{{AwsManagedKeyId}}", "Arn": "arn:aws:kms:eu-west-1:222222222222:key/{{AwsManagedKeyId}}", "KeyManager": "AWS", "Policy": {{JsonSerializer.Serialize(AwsManagedKeyPolicy)}} }
              ],
              "Other": [
                { "Arn": "arn:aws:sns:eu-west-1:222222222222:lake-events", "Policy": {{JsonSerializer.Serialize(TopicPolicy)}} },
                { "Arn": "arn:aws:sns:eu-west-1:222222222222:lake-alerts", "Policy": {{JsonSerializer.Serialize(AlertsTopicPolicy)}} },
                { "Arn": "arn:aws:sqs:eu-west-1:222222222222:lake-ingest", "Policy": {{JsonSerializer.Serialize(QueuePolicy)}} }
              ]
            }
            """;
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(expected).RootElement, resources), resources.ToString());
        // The key pending deletion (us-east-1) and the queue without a policy were listed, and left out.
        Assert.Contains(_organization.Calls, c => c is { AccountId: Producer, Service: "kms", Operation: "ListKeys", Region: "us-east-1" });
        Assert.Equal(2, _organization.Calls.Count(c => c is { AccountId: Producer, Service: "sqs", Operation: "GetQueueAttributes", Region: "eu-west-1" }));
        var bucket = OrganizationSnapshotReader.Read(crawl.Files).Snapshot!.FindBucket(LakeBucket);
        Assert.Equal(Producer, bucket!.AccountId);
        Assert.Equal(LakeKeyArn, bucket.Resource.Encryption!.KmsMasterKeyId);
    }

    [Fact]
    public async Task CrawlAsync_EachAccount_IamIsWhatItsOwnIamServed()
    {
        var crawl = await CrawlAsync();

        foreach (var (account, role) in new[] { (Management, "organization-admin"), (Producer, "lake-admin"), (Consumer, "data-engineer") })
        {
            var iam = File(crawl, $"accounts/{account}/authorization-details.json");
            var served = JsonDocument.Parse(ExampleOrganization.Iam(account, role)).RootElement;
            Assert.True(JsonElement.DeepEquals(served, iam), $"{account}: {iam}");
        }
    }

    [Fact]
    public async Task CrawlAsync_MemberAccounts_AreReadWithTheAssumedRolesKeys()
    {
        var crawl = await CrawlAsync();

        Assert.True(crawl.Complete, Describe(crawl));
        var calls = _organization.Calls;
        Assert.All(calls.Where(c => c.Service is "organizations" or "sts"), c => Assert.Equal(_organization.CallerKeys.AccessKeyId, c.AccessKeyId));
        Assert.Equal(["arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole"],
            calls.Where(c => c.Service == "sts").Select(c => c.Resource).Order(StringComparer.Ordinal));
        foreach (var member in new[] { Producer, Consumer })
        {
            var own = calls.Where(c => c.Service is "iam" or "s3" or "kms" or "sns" or "sqs" && c.AccountId == member).ToList();
            Assert.Equal(["iam", "kms", "s3", "sns", "sqs"], own.Select(c => c.Service).Distinct().Order(StringComparer.Ordinal));
            Assert.All(own, c => Assert.Equal(OrganizationReplay.AssumedKeys(member).AccessKeyId, c.AccessKeyId));
        }
        // The management account is read with the caller's own keys, with no AssumeRole.
        Assert.Contains(calls, c => c is { Service: "iam", AccountId: Management } && c.AccessKeyId == _organization.CallerKeys.AccessKeyId);
        // A bucket's calls are signed for its region; its location is asked in the crawl's.
        Assert.All(calls.Where(c => c.Resource == LakeBucket && c.Operation != "GetBucketLocation"), c => Assert.Equal("eu-west-1", c.Region));
        Assert.Equal(4, calls.Count(c => c.Resource == LakeBucket && c.Operation != "GetBucketLocation"));
    }

    [Fact]
    public async Task CrawlAsync_OneItemPerPageAfterAnEmptyOne_FollowsNextTokenOnEveryList()
    {
        var whole = await CrawlAsync();
        _organization.PageSize = 1;
        _organization.EmptyFirstPages = true;
        var before = _server.Requests.Count;

        var paged = await CrawlAsync();

        Assert.True(paged.Complete, Describe(paged));
        Assert.Equal(whole.Files.Paths, paged.Files.Paths);
        Assert.All(whole.Files.Paths, path => Assert.True(whole.Files[path]!.Value.Span.SequenceEqual(paged.Files[path]!.Value.Span), path));
        var pagedRequests = _server.Requests.Skip(before).ToList();
        foreach (var list in new[] { "ListRoots", "ListAccountsForParent", "ListPolicies", "ListTargetsForPolicy", "ListOrganizationalUnitsForParent" })
        {
            Assert.Contains(pagedRequests, r => r.Header("X-Amz-Target") == $"AWSOrganizationsV20161128.{list}" && r.BodyText.Contains("\"NextToken\"", StringComparison.Ordinal));
        }
        Assert.Contains(pagedRequests, r => r.Header("X-Amz-Target") == "TrentService.ListKeys" && r.BodyText.Contains("\"Marker\"", StringComparison.Ordinal));
        Assert.Contains(pagedRequests, r => r.Action == "ListTopics" && r.Parameters.ContainsKey("NextToken"));
        Assert.Contains(pagedRequests, r => r.Action == "ListQueues" && r.Parameters.ContainsKey("NextToken"));
        Assert.Empty(_organization.Problems);
    }

    [Fact]
    public async Task CrawlAsync_CrawlRegionOtherThanUsEast1_SignsEachCallForItsRegion()
    {
        var inUsEast1 = await CrawlAsync();
        var organization = ExampleOrganization.Create("eu-central-1");
        await using var server = await ReplayServer.StartAsync();
        organization.Install(server);

        var crawl = await OrganizationCrawler.CrawlAsync(
            new OrganizationCrawlOptions(new AwsConnection(), AwsEnvironment.Of(organization.EnvironmentVariables(server)), TimeProvider.System), CancellationToken.None);

        Assert.True(crawl.Complete, Describe(crawl));
        Assert.Empty(organization.Problems);
        var calls = organization.Calls;
        Assert.All(calls.Where(c => c.Service is "organizations" or "iam"), c => Assert.Equal("us-east-1", c.Region));
        Assert.All(calls.Where(c => c.Service == "sts" || c.Operation is "ListBuckets" or "GetBucketLocation"), c => Assert.Equal("eu-central-1", c.Region));
        Assert.Equal(["eu-central-1", "eu-west-1", "us-east-1"],
            calls.Where(c => c is { Service: "kms", Operation: "ListKeys", AccountId: Producer }).Select(c => c.Region).Order(StringComparer.Ordinal));
        Assert.Equal(Text(inUsEast1, $"accounts/{Producer}/resources.json"), Text(crawl, $"accounts/{Producer}/resources.json"));
    }

    [Fact]
    public async Task CrawlAsync_ListBucketsGivesRegions_AsksNoLocation()
    {
        var asked = await CrawlAsync();
        _organization.ListBucketsGivesRegion = true;
        var before = _organization.Calls.Count;

        var crawl = await CrawlAsync();

        Assert.DoesNotContain(_organization.Calls.Skip(before), c => c.Operation == "GetBucketLocation");
        Assert.Equal(Text(asked, $"accounts/{Producer}/resources.json"), Text(crawl, $"accounts/{Producer}/resources.json"));
    }

    private static string Text(OrganizationCrawl crawl, string path) => System.Text.Encoding.UTF8.GetString(crawl.Files[path]!.Value.Span);

    [Fact]
    public async Task CrawlAsync_AssumeRoleDenied_ReportsTheAccountAndReadsTheOthers()
    {
        _organization.AssumeRoleDenied.Add(Producer);

        var crawl = await CrawlAsync();

        Assert.False(crawl.Complete);
        Assert.Null(crawl.Failure);
        var problem = Assert.Single(crawl.Problems);
        Assert.Equal((Producer, "Producer Account"), (problem.AccountId, problem.AccountName));
        Assert.Equal(("STS", "AccessDenied", 403), (problem.Error!.Service, problem.Error.Code, problem.Error.HttpStatus));
        Assert.Contains("cannot assume `arn:aws:iam::222222222222:role/OrganizationAccountAccessRole`", problem.Reason, StringComparison.Ordinal);
        Assert.Equal([Management, Consumer], crawl.AccountsRead.ToArray());
        Assert.DoesNotContain(crawl.Files.Paths, p => p.Contains(Producer, StringComparison.Ordinal));
        Assert.DoesNotContain(_organization.Calls, c => c.AccountId == Producer);
        var read = OrganizationSnapshotReader.Read(crawl.Files);
        Assert.Empty(read.Errors);
        Assert.Contains(read.Warnings, w => w.Message.Contains($"account `{Producer}`", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrawlAsync_QueuePolicyDenied_LeavesTheWholeAccountOut()
    {
        _server.Enqueue("GetQueueAttributes", ReplayResponse.QueryError(403, "AccessDenied",
            "User: arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/iamgov-snapshot is not authorized to perform: sqs:getqueueattributes",
            "rid-sqs", "http://queue.amazonaws.com/doc/2012-11-05/"));

        var crawl = await CrawlAsync(o => o with { Accounts = [Producer] });

        var problem = Assert.Single(crawl.Problems);
        Assert.Equal(("SQS", "GetQueueAttributes", "AccessDenied", "rid-sqs"), (problem.Error!.Service, problem.Error.Action, problem.Error.Code, problem.Error.RequestId));
        Assert.StartsWith("its resources cannot be read: SQS GetQueueAttributes failed: AccessDenied (HTTP 403)", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(["organization.json"], crawl.Files.Paths);
    }

    [Fact]
    public async Task CrawlAsync_AccountsLimit_ReadsOnlyThoseAndStillListsEveryAccount()
    {
        var crawl = await CrawlAsync(o => o with { Accounts = [Consumer] });

        Assert.True(crawl.Complete, Describe(crawl));
        Assert.Equal([Consumer], crawl.AccountsRead.ToArray());
        Assert.Equal(["accounts/333333333333/authorization-details.json", "accounts/333333333333/resources.json", "organization.json"], crawl.Files.Paths);
        Assert.Equal(3, File(crawl, "organization.json").GetProperty("Accounts").GetArrayLength());
        Assert.DoesNotContain(_organization.Calls, c => c.AccountId is Producer or Management && c.Service is "iam" or "s3" or "kms");
        Assert.DoesNotContain(_organization.Calls, c => c.Service == "sts" && c.Resource!.Contains(Producer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CrawlAsync_AccountsLimitNamesAnOutsider_ReportsIt()
    {
        var crawl = await CrawlAsync(o => o with { Accounts = [Consumer, "999999999999"] });

        var problem = Assert.Single(crawl.Problems);
        Assert.Equal("999999999999", problem.AccountId);
        Assert.Contains("not an account of the organisation", problem.Reason, StringComparison.Ordinal);
        Assert.Equal([Consumer], crawl.AccountsRead.ToArray());
    }

    [Fact]
    public async Task CrawlAsync_OtherMemberRole_AssumesThatRole()
    {
        _organization.MemberRoleName = "audit/iamgov-read";

        var crawl = await CrawlAsync(o => o with { MemberRoleName = "audit/iamgov-read" });

        Assert.True(crawl.Complete, Describe(crawl));
        Assert.Contains(_organization.Calls, c => c.Service == "sts" && c.Resource == "arn:aws:iam::222222222222:role/audit/iamgov-read");
    }

    [Fact]
    public async Task CrawlAsync_NotAnOrganization_FailsWithOrganizationsErrorAndReadsNothing()
    {
        _server.Enqueue(new ReplayResponse(400,
            """{"__type":"AWSOrganizationsNotInUseException","message":"Your account is not a member of an organization."}""",
            "application/x-amz-json-1.1", "rid-not-in-use"));

        var crawl = await CrawlAsync();

        Assert.Equal(("Organizations", "DescribeOrganization", "AWSOrganizationsNotInUseException"), (crawl.Failure!.Service, crawl.Failure.Action, crawl.Failure.Code));
        Assert.Equal("Organizations DescribeOrganization failed: AWSOrganizationsNotInUseException (HTTP 400): Your account is not a member of an organization.; request id rid-not-in-use",
            crawl.Failure.Describe());
        Assert.Equal(0, crawl.Files.Count);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task CrawlAsync_SuspendedAccount_ReportedNotRead()
    {
        var organization = ExampleOrganization.Create();
        var suspended = new OrganizationReplay(organization.OrganizationId, organization.ManagementAccountId, organization.RootId, organization.Units,
            [.. organization.Accounts.Select(a => a.Id == Consumer ? a with { Status = "SUSPENDED" } : a)], organization.Policies);
        await using var server = await ReplayServer.StartAsync();
        suspended.Install(server);

        var crawl = await OrganizationCrawler.CrawlAsync(
            new OrganizationCrawlOptions(new AwsConnection(), AwsEnvironment.Of(suspended.EnvironmentVariables(server)), TimeProvider.System), CancellationToken.None);

        var problem = Assert.Single(crawl.Problems);
        Assert.Equal(Consumer, problem.AccountId);
        Assert.Contains("`SUSPENDED`", problem.Reason, StringComparison.Ordinal);
        Assert.Equal([Management, Producer], crawl.AccountsRead.ToArray());
    }

    [Fact]
    public async Task CrawlAsync_NoCredentialsAnywhere_FailsWithoutSendingAnything()
    {
        OrganizationCrawl crawl;
        var variables = _organization.EnvironmentVariables(_server).Where(v => !v.Key.StartsWith("AWS_ACCESS", StringComparison.Ordinal) && !v.Key.StartsWith("AWS_SECRET", StringComparison.Ordinal))
            .ToDictionary(v => v.Key, v => (string?)v.Value);
        await using (await AwsEnvironmentScope.SetAsync(variables, AwsSdkCaches.Reset))
        {
            crawl = await OrganizationCrawler.CrawlAsync(new OrganizationCrawlOptions(new AwsConnection(), AwsEnvironment.Process, TimeProvider.System), CancellationToken.None);
        }

        Assert.Equal("NoCredentials", crawl.Failure?.Code);
        Assert.Contains("no AWS credentials found", crawl.Failure!.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(0, "OrganizationAccountAccessRole", "111111111111")]
    [InlineData(4, "role name with spaces", "111111111111")]
    [InlineData(4, "OrganizationAccountAccessRole", "1111")]
    public async Task CrawlAsync_InvalidOptions_Throw(int maxParallel, string role, string account)
        => await Assert.ThrowsAsync<ArgumentException>(() => CrawlAsync(o => o with { MaxParallel = maxParallel, MemberRoleName = role, Accounts = [account] }));
}
