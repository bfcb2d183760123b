using System.Net;

namespace Governance.Api.Tests.Endpoints;

public abstract partial class GovernanceApiTests<TFixture>
{
    [SkippableFact]
    public async Task CanI_GrantApprovedThenRevoked_AnswerFollowsAccountStateAtOnce()
    {
        // Arrange: a bucket of this test's own, so other tests' grants in this class do not answer for it
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var bucket = $"lake-cani-{Guid.NewGuid():N}"[..20];
        var question = $"/v1/can-i?principal=data-engineer&action=s3:PutObject&resource=arn:aws:s3:::{bucket}/orders/1.parquet&context=aws:RequestedRegion=eu-west-1";

        // Act
        var before = await GetAsync(alice, question);
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{bucket}/*"))).GetProperty("id").GetString();
        var pending = await GetAsync(alice, question);
        var grantId = (await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString();
        var approved = await GetAsync(alice, question);
        await PostAsync(bob, $"/v1/grants/{grantId}/revoke");
        var revoked = await GetAsync(alice, question);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("ImplicitDeny", before.Body.GetProperty("decision").GetString());
        Assert.Equal("arn:aws:iam::111122223333:role/data-engineer", before.Body.GetProperty("principal").GetString());
        Assert.Equal("ImplicitDeny", pending.Body.GetProperty("decision").GetString());
        Assert.Equal("Allow", approved.Body.GetProperty("decision").GetString());
        var deciding = approved.Body.GetProperty("decidingStatements");
        Assert.Equal($"grant-{grantId}", deciding[0].GetProperty("policy").GetString());
        Assert.Equal(0, approved.Body.GetProperty("missingContextKeys").GetArrayLength());
        Assert.Equal("ImplicitDeny", revoked.Body.GetProperty("decision").GetString());
    }

    [SkippableFact]
    public async Task CanI_GrantPastItsExpiry_AnswersDenyBeforeExpiryRuns()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var bucket = $"lake-exp-{Guid.NewGuid():N}"[..20];
        var question = $"/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::{bucket}/a.csv&context=aws:RequestedRegion=eu-west-1";
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{bucket}/*", hours: 1))).GetProperty("id").GetString();
        await ApproveAsync(bob, id);
        var active = await GetAsync(alice, question);

        // Act: the clock passes the grant's end; the expiry job has not run, so only the condition stands in the way
        Factory.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var expired = await GetAsync(alice, question);
        await ExpireAsync(); // leave no due grant behind for the other tests of this class

        // Assert
        Assert.Equal("Allow", active.Body.GetProperty("decision").GetString());
        Assert.Equal("ImplicitDeny", expired.Body.GetProperty("decision").GetString());
    }

    [SkippableFact]
    public async Task CanI_UnknownPrincipal_Returns404ListingClosestMatches()
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var result = await GetAsync(alice, "/v1/can-i?principal=data-enginer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a");

        // Assert
        AssertProblem(result, HttpStatusCode.NotFound);
        var candidates = result.Body.GetProperty("candidates").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("arn:aws:iam::111122223333:role/data-engineer", candidates);
    }

    [SkippableTheory]
    [InlineData("principal=data-engineer&action=s3:GetObjekt&resource=arn:aws:s3:::lake-x/a", "action")]
    [InlineData("principal=data-engineer&action=s3:*&resource=arn:aws:s3:::lake-x/a", "action")]
    [InlineData("principal=data-engineer&action=s3:GetObject&resource=lake-x/a", "resource")]
    [InlineData("action=s3:GetObject&resource=arn:aws:s3:::lake-x/a", "principal")]
    [InlineData("principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a&context=novalue", "context")]
    [InlineData("principal=group/data-engineers&action=s3:GetObject&resource=arn:aws:s3:::lake-x/a", "principal")]
    public async Task CanI_InvalidParameter_Returns400NamingIt(string query, string parameter)
    {
        // Arrange
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        // Act
        var result = await GetAsync(alice, $"/v1/can-i?{query}");

        // Assert
        AssertProblem(result, HttpStatusCode.BadRequest);
        Assert.True(result.Body.GetProperty("errors").TryGetProperty(parameter, out _), result.Body.ToString());
    }

    [SkippableFact]
    public async Task CanI_ContextGiven_ReachesConditions()
    {
        // Arrange: a time key given by the caller wins over the service's clock
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        var bucket = $"lake-ctx-{Guid.NewGuid():N}"[..20];
        var id = (await SubmitAsync(alice, LakeWrite($"arn:aws:s3:::{bucket}/*", hours: 2))).GetProperty("id").GetString();
        var grantId = (await ApproveAsync(bob, id)).Body.GetProperty("grantId").GetString();
        var question = $"/v1/can-i?principal=data-engineer&action=s3:GetObject&resource=arn:aws:s3:::{bucket}/a.csv&context=aws:RequestedRegion=eu-west-1";

        // Act
        var later = await GetAsync(alice, $"{question}&context=aws:CurrentTime=2999-01-01T00:00:00Z");
        await PostAsync(bob, $"/v1/grants/{grantId}/revoke"); // leave no grant to expire under the other tests of this class

        // Assert
        Assert.Equal("ImplicitDeny", later.Body.GetProperty("decision").GetString());
    }
}
