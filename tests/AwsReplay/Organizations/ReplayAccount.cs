namespace AwsReplay.Organizations;

/// <summary>An account of the replay's organisation, and what its IAM, S3 and KMS hold.</summary>
/// <param name="Id">The 12-digit id.</param>
/// <param name="Name">The account's name.</param>
/// <param name="Email">The account's email address.</param>
/// <param name="ParentId">The root or OU it sits in.</param>
/// <param name="Status"><c>ACTIVE</c>, <c>SUSPENDED</c>, ...</param>
/// <param name="JoinedTimestamp">When it joined, in epoch seconds as the JSON wire format sends it.</param>
/// <param name="Iam">Its IAM in the JSON of <c>aws iam get-account-authorization-details</c>, served as one XML page.</param>
/// <param name="Buckets">Its buckets.</param>
/// <param name="Keys">Its KMS keys.</param>
/// <param name="Topics">Its SNS topics.</param>
/// <param name="Queues">Its SQS queues.</param>
public sealed record ReplayAccount(string Id, string Name, string Email, string ParentId, string Status, double JoinedTimestamp, string Iam,
    IReadOnlyList<ReplayBucket> Buckets, IReadOnlyList<ReplayKey> Keys, IReadOnlyList<ReplayTopic>? Topics = null, IReadOnlyList<ReplayQueue>? Queues = null);
