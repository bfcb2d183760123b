using System.Text.Json;

namespace Governance.Api.Tests.Endpoints;

/// <summary>
/// The approver's preview against the whole demo organisation (policies/demo-org/README.md): a grant counts only
/// where the bucket policy, the SCPs and, across accounts, the other side let it.
/// </summary>
public abstract partial class GovernanceApiTests<TFixture>
{
    private static Dictionary<(string Action, string Resource), JsonElement> Effects(JsonElement submitted)
        => submitted.GetProperty("preview").GetProperty("effective").EnumerateArray()
            .ToDictionary(static e => (e.GetProperty("action").GetString()!, e.GetProperty("resource").GetString()!));

    [SkippableFact]
    public async Task Preview_WriteToACrossAccountBucketThatDoesNotGrantIt_AddsNothingAndSaysWhy()
    {
        // lake-raw is the producer's; its bucket policy grants data-engineer only s3:GetObject and s3:ListBucket. Across
        // accounts the resource side must allow too, so a lake-write grant on it adds no s3:PutObject.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var submitted = await SubmitAsync(alice, RequestFor("lake-write", "arn:aws:s3:::lake-raw", hours: 1));
        await CancelIfPendingAsync(alice, submitted);

        var preview = submitted.GetProperty("preview");
        Assert.StartsWith("organisation o-a1b2c3d4e5, copy version ", preview.GetProperty("picture").GetString(), StringComparison.Ordinal);
        var put = Effects(submitted)[("s3:PutObject", "arn:aws:s3:::lake-raw/*")];
        Assert.False(put.GetProperty("adds").GetBoolean());
        Assert.Equal("ImplicitDeny", put.GetProperty("after").GetString());
        var summary = put.GetProperty("summary").GetString()!;
        Assert.StartsWith("adds nothing: ", summary, StringComparison.Ordinal);
        Assert.Contains("lake-raw", summary, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Preview_ReadOfACrossAccountBucketThatGrantsIt_IsWhatTheGrantAdds()
    {
        // The bucket policy grants data-engineer s3:GetObject; the grant supplies the caller's side.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");

        var submitted = await SubmitAsync(alice, RequestFor("lake-read", "arn:aws:s3:::lake-raw", hours: 1));
        await RevokeOrCancelAsync(submitted);

        var get = Effects(submitted)[("s3:GetObject", "arn:aws:s3:::lake-raw/*")];
        Assert.True(get.GetProperty("adds").GetBoolean(), get.ToString());
        Assert.Equal("ImplicitDeny", get.GetProperty("before").GetString());
        Assert.Equal("Allow", get.GetProperty("after").GetString());
        // s3:GetObjectTagging is in lake-read but not in the bucket policy: across accounts it adds nothing.
        Assert.False(Effects(submitted)[("s3:GetObjectTagging", "arn:aws:s3:::lake-raw/*")].GetProperty("adds").GetBoolean());
    }

    [SkippableFact]
    public async Task Preview_BucketOutsideTheCopy_SaysTheAnswerHangsOnTheRegionItCannotKnow()
    {
        // The root SCP region-lock denies outside two regions; a bucket the copy does not hold has no known region, so
        // whether the grant adds anything depends on where the request is made, and the preview must not claim either way.
        var alice = Factory.ClientFor(NewUser("alice"), "engineer");
        var bucket = $"lake-nr-{Guid.NewGuid():N}"[..20];

        var submitted = await SubmitAsync(alice, RequestFor("lake-write", $"arn:aws:s3:::{bucket}", hours: 1));
        await CancelIfPendingAsync(alice, submitted);

        var put = Effects(submitted)[("s3:PutObject", $"arn:aws:s3:::{bucket}/*")];
        Assert.False(put.GetProperty("adds").GetBoolean());
        Assert.StartsWith("depends on `aws:RequestedRegion`", put.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.Contains(put.GetProperty("notes").EnumerateArray(), static n => n.GetString()!.Contains("not in the snapshot", StringComparison.Ordinal));
    }

    private static async Task CancelIfPendingAsync(HttpClient requester, JsonElement submitted)
    {
        if (submitted.GetProperty("status").GetString() == "Pending")
        {
            await PostAsync(requester, $"/v1/access-requests/{submitted.GetProperty("id").GetString()}/cancel");
        }
    }

    private async Task RevokeOrCancelAsync(JsonElement submitted)
    {
        var bob = Factory.ClientFor(NewUser("bob"), "approver");
        if (submitted.TryGetProperty("grantId", out var grant) && grant.ValueKind == JsonValueKind.String)
        {
            await PostAsync(bob, $"/v1/grants/{grant.GetString()}/revoke");
        }
    }
}
