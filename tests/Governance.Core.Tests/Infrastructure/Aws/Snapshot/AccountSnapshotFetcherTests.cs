using AwsReplay;
using AwsReplay.Iam;
using Governance.Core.Accounts;
using Governance.Core.Infrastructure.Aws.Iam;
using Governance.Core.Infrastructure.Aws.Snapshot;

namespace Governance.Core.Tests.Infrastructure.Aws.Snapshot;

public sealed class AccountSnapshotFetcherTests
{
    private static async Task<(IamReplay Iam, AccountSnapshotFetch Fetch)> FetchSampleAsync()
    {
        var iam = await IamReplay.StartAsync();
        var (first, second) = IamSamples.AccountAuthorizationDetailsPages();
        iam.Server.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(first, "page-1"));
        iam.Server.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(second, "page-2"));
        return (iam, await AccountSnapshotFetcher.FetchAsync(iam.Client, CancellationToken.None));
    }

    [Fact]
    public async Task Fetch_PublishedSampleInTwoPages_JoinsPagesInCliShape()
    {
        var (iam, fetch) = await FetchSampleAsync();
        await using var _ = iam;

        Assert.True(fetch.Success, fetch.Describe());
        var snapshot = fetch.Snapshot!;
        Assert.Equal(["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"], snapshot.Select(p => p.Key));
        Assert.Equal(["Alice", "Bob", "Charlie", "Danielle", "Elaine"], snapshot["UserDetailList"]!.AsArray().Select(u => (string?)u!["UserName"]));
        Assert.Equal(3, snapshot["GroupDetailList"]!.AsArray().Count);
        Assert.Single(snapshot["RoleDetailList"]!.AsArray());
        Assert.Equal(4, snapshot["Policies"]!.AsArray().Count);
        Assert.Equal(["page-1", "page-2"], fetch.RequestIds);
        iam.AssertEveryRequestSigned();
    }

    [Fact]
    public async Task Fetch_SecondPage_AsksWithFirstPagesMarkerAndPageSize()
    {
        var (iam, _) = await FetchSampleAsync();
        await using var __ = iam;

        var requests = iam.Server.RequestsFor("GetAccountAuthorizationDetails");
        Assert.Equal(2, requests.Count);
        Assert.False(requests[0].Parameters.ContainsKey("Marker"));
        Assert.Equal(IamSamples.AccountAuthorizationDetailsMarker, requests[1].Parameters["Marker"]);
        Assert.All(requests, r => Assert.Equal("1000", r.Parameters["MaxItems"]));
    }

    [Fact]
    public async Task Fetch_UrlEncodedDocuments_DecodedIntoJsonObjects()
    {
        var (iam, fetch) = await FetchSampleAsync();
        await using var _ = iam;

        var bob = fetch.Snapshot!["UserDetailList"]![1]!;
        var inline = bob["UserPolicyList"]![0]!;
        Assert.Equal("DenyBillingAndIAMPolicy", (string?)inline["PolicyName"]);
        Assert.Equal("Deny", (string?)inline["PolicyDocument"]!["Statement"]!["Effect"]);
        var role = fetch.Snapshot!["RoleDetailList"]![0]!;
        Assert.Equal("ec2.amazonaws.com", (string?)role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);
        Assert.Equal("ec2.amazonaws.com", (string?)role["InstanceProfileList"]![0]!["Roles"]![0]!["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);
        var version = fetch.Snapshot!["Policies"]![0]!["PolicyVersionList"]![0]!;
        Assert.Equal(System.Text.Json.JsonValueKind.Object, version["Document"]!.GetValueKind());
    }

    [Fact]
    public async Task Fetch_ScalarsAndLists_TypedAsTheCliPrintsThem()
    {
        var (iam, fetch) = await FetchSampleAsync();
        await using var _ = iam;

        var policy = fetch.Snapshot!["Policies"]![0]!;
        Assert.True((bool)policy["IsAttachable"]!);
        Assert.Equal(1, (long)policy["AttachmentCount"]!);
        Assert.True((bool)policy["PolicyVersionList"]![0]!["IsDefaultVersion"]!);
        Assert.Equal("arn:aws:iam::123456789012:policy/create-update-delete-set-managed-policies", (string?)policy["Arn"]);
        Assert.Equal("2015-02-06T19:58:34+00:00", (string?)policy["CreateDate"]);
        var finance = fetch.Snapshot!["GroupDetailList"]![2]!;
        Assert.Empty(finance["AttachedManagedPolicies"]!.AsArray());
        Assert.Equal(["Admins"], fetch.Snapshot!["UserDetailList"]![0]!["GroupList"]!.AsArray().Select(g => (string?)g));
    }

    [Fact]
    public async Task Fetch_Result_ReadByAccountSnapshotReader()
    {
        var (iam, fetch) = await FetchSampleAsync();
        await using var _ = iam;

        var read = AccountSnapshotReader.Read(fetch.Snapshot!.ToJsonString());

        Assert.True(read.Success, string.Join("; ", read.Errors));
        var snapshot = read.Snapshot!;
        Assert.Equal(5, snapshot.Users.Length);
        var bob = snapshot.Users.Single(u => u.UserName == "Bob");
        Assert.Contains("\"Deny\"", bob.InlinePolicies.Single().Document, StringComparison.Ordinal);
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", snapshot.Groups.Single(g => g.GroupName == "Admins").AttachedPolicies.Single().PolicyArn);
        Assert.Equal("v1", snapshot.Policies.Single(p => p.PolicyName == "AWSOpsWorksRole").DefaultVersionId);
    }

    [Fact]
    public async Task Fetch_DocumentNotJson_ProblemNamesItsPath()
    {
        await using var iam = await IamReplay.StartAsync();
        const string page = """
            <GetAccountAuthorizationDetailsResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
              <GetAccountAuthorizationDetailsResult>
                <IsTruncated>false</IsTruncated>
                <RoleDetailList><member>
                  <RoleName>r</RoleName><Arn>arn:aws:iam::123456789012:role/r</Arn>
                  <AssumeRolePolicyDocument>%7B%22Version%22%3A</AssumeRolePolicyDocument>
                </member></RoleDetailList>
              </GetAccountAuthorizationDetailsResult>
            </GetAccountAuthorizationDetailsResponse>
            """;
        iam.Server.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(page, "only"));

        var fetch = await AccountSnapshotFetcher.FetchAsync(iam.Client, CancellationToken.None);

        Assert.False(fetch.Success);
        Assert.Null(fetch.Error);
        Assert.Contains(fetch.Problems, p => p.StartsWith("RoleDetailList[0].AssumeRolePolicyDocument: the policy document is not JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fetch_SecondPageDenied_TypedErrorWithBothRequestIds()
    {
        await using var iam = await IamReplay.StartAsync();
        var (first, _) = IamSamples.AccountAuthorizationDetailsPages();
        iam.Server.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.Xml(first, "page-1"));
        iam.Server.Enqueue("GetAccountAuthorizationDetails", ReplayResponse.QueryError(403, "AccessDenied",
            "User: arn:aws:iam::123456789012:user/Alice is not authorized to perform: iam:GetAccountAuthorizationDetails", "denied-2"));

        var fetch = await AccountSnapshotFetcher.FetchAsync(iam.Client, CancellationToken.None);

        Assert.False(fetch.Success);
        Assert.Equal(IamErrorKind.AccessDenied, fetch.Error!.Kind);
        Assert.Equal(["page-1", "denied-2"], fetch.RequestIds);
    }
}
