using System.Collections.Immutable;

namespace PolicyEngine.Evaluation;

/// <summary>
/// One request through one access point, seen two ways: on the access point ARN (identity, access point, SCP and other
/// caller-side policies) and on the underlying bucket's ARN (the bucket policy).
/// </summary>
/// <remarks>
/// Both carry <c>s3:DataAccessPointArn</c>, <c>s3:DataAccessPointAccount</c> and <c>s3:AccessPointNetworkOrigin</c>
/// where the request's context lacks them (https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-policies.html#access-points-condition-keys).
/// Built once per request and access point, and kept by the request, so evaluating it again allocates nothing.
/// </remarks>
internal sealed class AccessPointRoute
{
    private AccessPointRoute(AccessPoint owner, AuthorizationRequest via, AuthorizationRequest bucket)
    {
        Owner = owner;
        Via = via;
        Bucket = bucket;
    }

    /// <summary>The access point this route goes through.</summary>
    public AccessPoint Owner { get; }

    /// <summary>The request on the access point ARN.</summary>
    public AuthorizationRequest Via { get; }

    /// <summary>The same request on the bucket's ARN (<c>arn:aws:s3:::BUCKET</c> or <c>arn:aws:s3:::BUCKET/KEY</c>), owned by the bucket's account.</summary>
    public AuthorizationRequest Bucket { get; }

    public static AccessPointRoute Create(AuthorizationRequest request, AccessPointArn arn, AccessPoint accessPoint, RequestContext given,
        string givenResourceAccount)
    {
        KeyValuePair<string, ImmutableArray<string>>[] keys =
        [
            KeyValuePair.Create("s3:DataAccessPointArn", ImmutableArray.Create(arn.AccessPoint)),
            KeyValuePair.Create("s3:DataAccessPointAccount", ImmutableArray.Create(arn.Account)),
            KeyValuePair.Create("s3:AccessPointNetworkOrigin", ImmutableArray.Create(accessPoint.NetworkOrigin)),
        ];
        var context = given.WithMissing(keys);
        var via = AuthorizationRequest.Create(request.Principal, request.Action, request.Resource, givenResourceAccount, context);
        var bucketAccount = accessPoint.BucketAccount is { Length: > 0 } owner ? owner : arn.Account;
        var bucket = AuthorizationRequest.Create(request.Principal, request.Action, arn.BucketResource(accessPoint.BucketName), bucketAccount, context);
        return new AccessPointRoute(accessPoint, via, bucket);
    }
}
