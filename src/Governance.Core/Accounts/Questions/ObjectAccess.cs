using System.Collections.Immutable;
using Governance.Core.Accounts.Organization;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Questions;

/// <summary>
/// Composes "can I read (or write) this object?" from the calls the read or write makes, each answered by an
/// <see cref="OrganizationAuthorizer"/> from the whole picture.
/// </summary>
/// <remarks>
/// <para>
/// Which calls, from AWS's knowledge-center pages decrypt-kms-encrypted-objects-s3 and
/// s3-bucket-access-default-encryption (https://repost.aws/knowledge-center/...): to download an SSE-KMS object the
/// caller needs <c>kms:Decrypt</c> on its key, to upload one <c>kms:GenerateDataKey</c>; in the key's account the key
/// policy must grant it, across accounts both the key policy and the caller's IAM policies, which the engine decides with
/// the key's account as the resource account. A multipart upload also needs <c>kms:Decrypt</c>
/// (s3-large-file-encryption-kms-key); a write here is the single PutObject. S3 makes
/// the KMS call on the caller's behalf, so the principal is the caller and the request carries <c>kms:ViaService</c>
/// (<c>s3.REGION.amazonaws.com</c>) and <c>kms:CallerAccount</c>
/// (https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html), and S3's encryption context
/// <c>aws:s3:arn</c>: the bucket's ARN with an S3 Bucket Key, the object's without.
/// </para>
/// <para>
/// The bucket's default encryption decides: an object written with another key than the default (a per-request
/// <c>x-amz-server-side-encryption-aws-kms-key-id</c>) is not visible in a snapshot. SSE-S3 needs no KMS permission.
/// </para>
/// </remarks>
public static class ObjectAccess
{
    /// <summary>Answers <paramref name="question"/> for <paramref name="principal"/>: yes only when every call is allowed.</summary>
    public static ObjectAccessAnswer Answer(OrganizationAuthorizer authorizer, ResolvedPrincipal principal, ObjectAccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(authorizer);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(question);
        var (calls, notes) = Calls(authorizer.Snapshot, principal, question);
        return new ObjectAccessAnswer(question, [.. calls.Select(c => new ObjectAccessCall(c, authorizer.Authorize(principal, c)))], notes);
    }

    /// <summary>The calls reading or writing the object makes, with the notes on what the composition could not know.</summary>
    public static (ImmutableArray<AccessQuestion> Calls, ImmutableArray<string> Notes) Calls(
        OrganizationSnapshot snapshot, ResolvedPrincipal principal, ObjectAccessQuestion question)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(question);
        var read = question.Kind == ObjectAccessKind.Read;
        var calls = ImmutableArray.CreateBuilder<AccessQuestion>();
        var notes = ImmutableArray.CreateBuilder<string>();
        calls.Add(new AccessQuestion(read ? "s3:GetObject" : "s3:PutObject", question.ObjectArn, question.Context));
        var bucket = snapshot.FindBucket(question.Bucket);
        if (bucket is null)
        {
            notes.Add($"the bucket `{question.Bucket}` is not in the snapshot: its default encryption is unknown, so no KMS call is asked");
            return (calls.ToImmutable(), notes.ToImmutable());
        }
        if (bucket.Resource.Encryption is not { } encryption)
        {
            notes.Add($"the default encryption of `{question.Bucket}` is unknown: if it is SSE-KMS, the KMS call on its key is not part of this answer");
            return (calls.ToImmutable(), notes.ToImmutable());
        }
        if (!encryption.UsesKms)
        {
            return (calls.ToImmutable(), notes.ToImmutable());
        }
        var keyArn = KeyArn(snapshot, bucket, encryption, notes);
        var region = Arn.TryParse(keyArn, out var arn) && arn.Region.Length > 0 ? arn.Region : bucket.Resource.Region;
        var context = question.Context.WithMissing([
            .. region is null ? [] : new[] { KeyValuePair.Create("kms:ViaService", ImmutableArray.Create($"s3.{region}.amazonaws.com")) },
            KeyValuePair.Create("kms:CallerAccount", ImmutableArray.Create(principal.AccountId)),
            KeyValuePair.Create("kms:EncryptionContext:aws:s3:arn", ImmutableArray.Create(encryption.BucketKeyEnabled ? bucket.Resource.Arn : question.ObjectArn)),
        ]);
        calls.Add(new AccessQuestion(read ? "kms:Decrypt" : "kms:GenerateDataKey", keyArn, context));
        return (calls.ToImmutable(), notes.ToImmutable());
    }

    /// <summary>
    /// The ARN of the bucket's key: found in the snapshot by ARN or key id; otherwise built from what the bucket names
    /// (an alias or an unknown key), in the bucket's account and region, with a note that its key policy is unknown.
    /// </summary>
    private static string KeyArn(OrganizationSnapshot snapshot, OwnedResource<S3Bucket> bucket, BucketEncryption encryption, ImmutableArray<string>.Builder notes)
    {
        var configured = encryption.KmsMasterKeyId;
        if (configured is { Length: > 0 } && snapshot.FindKmsKey(configured) is { } key)
        {
            return key.Resource.Arn;
        }
        var region = bucket.Resource.Region ?? "*";
        var name = configured is null or { Length: 0 } ? "alias/aws/s3" : configured;
        var built = name.StartsWith("arn:", StringComparison.Ordinal) ? name
            : name.StartsWith("alias/", StringComparison.Ordinal) ? $"arn:aws:kms:{region}:{bucket.AccountId}:{name}"
            : $"arn:aws:kms:{region}:{bucket.AccountId}:key/{name}";
        notes.Add(configured is null or { Length: 0 }
            ? $"`{bucket.Resource.Name}` uses SSE-KMS with the AWS managed key aws/s3, which the snapshot does not hold: the KMS call is asked of `{built}` without its key policy"
            : $"the KMS key `{configured}` of `{bucket.Resource.Name}` cannot be resolved in the snapshot (an alias, or a key it does not hold): the KMS call is asked of `{built}` without its key policy");
        return built;
    }
}
