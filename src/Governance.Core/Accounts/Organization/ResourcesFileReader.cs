using System.Collections.Immutable;
using System.Text.Json;
using PolicyEngine.Model;

namespace Governance.Core.Accounts.Organization;

/// <summary>
/// Reads an account's <c>resources.json</c>: its buckets (name, region, policy, Block Public Access, Object Ownership,
/// default encryption), its KMS keys with their key policies, every other resource policy by ARN, and the account's own
/// Block Public Access settings (top-level <c>PublicAccessBlock</c>, optional).
/// </summary>
/// <remarks>
/// Each bucket setting is accepted as issue 13's flat form shows it or as the AWS CLI prints it:
/// <c>PublicAccessBlock</c> may be wrapped in <c>PublicAccessBlockConfiguration</c> (<c>get-public-access-block</c>),
/// <c>OwnershipControls</c> may be <c>{"Rules":[{"ObjectOwnership":…}]}</c> (<c>get-bucket-ownership-controls</c>), and
/// <c>Encryption</c> may be <c>{"Rules":[{"ApplyServerSideEncryptionByDefault":{…},"BucketKeyEnabled":…}]}</c>, itself
/// possibly wrapped in <c>ServerSideEncryptionConfiguration</c> (<c>get-bucket-encryption</c>).
/// </remarks>
internal static class ResourcesFileReader
{
    private static readonly string[] Algorithms = ["AES256", "aws:kms", "aws:kms:dsse"];
    private static readonly string[] Ownerships = ["BucketOwnerEnforced", "BucketOwnerPreferred", "ObjectWriter"];
    private static readonly string[] KeyManagers = ["AWS", "CUSTOMER"];

    /// <summary>The account's resources, or null when the file has errors (reported to <paramref name="r"/>'s log).</summary>
    public static AccountResources? Read(JsonElement root, FieldReader r, string accountId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            r.Log.Error(string.Empty, "resources.json is a JSON object with `Buckets`, `KmsKeys` and `Other`");
            return null;
        }
        // The file's size bound is the bound on how many resources it lists.
        const int max = int.MaxValue;
        var buckets = ImmutableArray.CreateBuilder<S3Bucket>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in r.Objects(root, "Buckets", string.Empty, required: false, max))
        {
            if (Bucket(item, path, r) is { } bucket && Unique(names, bucket.Name, path, "Name", "bucket", r))
            {
                buckets.Add(bucket);
            }
        }
        var keys = ImmutableArray.CreateBuilder<KmsKey>();
        var keyArns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in r.Objects(root, "KmsKeys", string.Empty, required: false, max))
        {
            if (Key(item, path, r, accountId) is { } key && Unique(keyArns, key.Arn, path, "Arn", "key", r))
            {
                keys.Add(key);
            }
        }
        var other = ImmutableArray.CreateBuilder<ResourcePolicy>();
        var otherArns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (item, path) in r.Objects(root, "Other", string.Empty, required: false, max))
        {
            var arn = ResourceArn(item, path, r, accountId);
            var policy = r.Policy(item, "Policy", path, required: true);
            if (arn is not null && policy is not null && Unique(otherArns, arn, path, "Arn", "resource", r))
            {
                other.Add(new ResourcePolicy(arn, policy));
            }
        }
        // The account's own Block Public Access settings, in the same shapes as a bucket's.
        var accountBlock = PublicAccessBlock(root, string.Empty, r);
        return r.Log.ErrorCount > 0
            ? null
            : new AccountResources(buckets.DrainToImmutable(), keys.DrainToImmutable(), other.DrainToImmutable()) { PublicAccessBlock = accountBlock };
    }

    private static bool Unique(Dictionary<string, string> seen, string key, string path, string field, string what, FieldReader r)
    {
        if (seen.TryAdd(key, path))
        {
            return true;
        }
        r.Log.Error(JsonFile.Join(path, field), $"duplicate {what} `{key}`: `{seen[key]}` has it too");
        return false;
    }

    private static S3Bucket? Bucket(JsonElement item, string path, FieldReader r)
    {
        var name = r.String(item, "Name", path, required: true);
        if (name is not null && name.AsSpan().IndexOfAny('/', ':') >= 0)
        {
            r.Log.Error(JsonFile.Join(path, "Name"), $"`{name}` is not a bucket name: a name has no `/` or `:`");
            name = null;
        }
        var region = r.String(item, "Region", path, required: false);
        var policy = r.Policy(item, "Policy", path, required: false);
        var block = PublicAccessBlock(item, path, r);
        var ownership = OwnershipControls(item, path, r);
        var encryption = Encryption(item, path, r);
        return name is null ? null : new S3Bucket(name, region, policy, block, ownership, encryption);
    }

    private static PublicAccessBlock? PublicAccessBlock(JsonElement item, string path, FieldReader r)
    {
        if (r.Object(item, "PublicAccessBlock", path, required: false) is not { } block)
        {
            return null;
        }
        var blockPath = JsonFile.Join(path, "PublicAccessBlock");
        if (r.Object(block, "PublicAccessBlockConfiguration", blockPath, required: false) is { } inner)
        {
            (block, blockPath) = (inner, JsonFile.Join(blockPath, "PublicAccessBlockConfiguration"));
        }
        // GetPublicAccessBlock prints all four; a setting left out is off, as in S3.
        return new PublicAccessBlock(r.Bool(block, "BlockPublicAcls", blockPath), r.Bool(block, "IgnorePublicAcls", blockPath),
            r.Bool(block, "BlockPublicPolicy", blockPath), r.Bool(block, "RestrictPublicBuckets", blockPath));
    }

    private static string? OwnershipControls(JsonElement item, string path, FieldReader r)
    {
        if (!item.TryGetProperty("OwnershipControls", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var valuePath = JsonFile.Join(path, "OwnershipControls");
        string? ownership;
        if (value.ValueKind == JsonValueKind.Object)
        {
            var rules = r.Objects(value, "Rules", valuePath, required: true, max: 16);
            if (rules.Count == 0)
            {
                if (value.TryGetProperty("Rules", out var listed) && listed.ValueKind == JsonValueKind.Array && listed.GetArrayLength() == 0)
                {
                    r.Log.Error(JsonFile.Join(valuePath, "Rules"), "no rule: a bucket's ownership controls have one");
                }
                return null;
            }
            ownership = r.String(rules[0].Item, "ObjectOwnership", rules[0].Path, required: true);
            valuePath = JsonFile.Join(rules[0].Path, "ObjectOwnership");
        }
        else
        {
            ownership = r.String(item, "OwnershipControls", path, required: false);
        }
        if (ownership is not null && !Ownerships.Contains(ownership, StringComparer.Ordinal))
        {
            r.Log.Error(valuePath, $"unknown object ownership `{ownership}`: expected `BucketOwnerEnforced`, `BucketOwnerPreferred` or `ObjectWriter`");
            return null;
        }
        return ownership;
    }

    private static BucketEncryption? Encryption(JsonElement item, string path, FieldReader r)
    {
        if (r.Object(item, "Encryption", path, required: false) is not { } encryption)
        {
            return null;
        }
        var encryptionPath = JsonFile.Join(path, "Encryption");
        if (r.Object(encryption, "ServerSideEncryptionConfiguration", encryptionPath, required: false) is { } configuration)
        {
            (encryption, encryptionPath) = (configuration, JsonFile.Join(encryptionPath, "ServerSideEncryptionConfiguration"));
        }
        JsonElement settings = encryption;
        var settingsPath = encryptionPath;
        var bucketKey = false;
        if (encryption.TryGetProperty("Rules", out _))
        {
            var errors = r.Log.ErrorCount;
            var rules = r.Objects(encryption, "Rules", encryptionPath, required: true, max: 16);
            if (rules.Count == 0)
            {
                if (r.Log.ErrorCount == errors)
                {
                    r.Log.Error(JsonFile.Join(encryptionPath, "Rules"), "no rule: a bucket's default encryption has one");
                }
                return null;
            }
            bucketKey = r.Bool(rules[0].Item, "BucketKeyEnabled", rules[0].Path);
            if (r.Object(rules[0].Item, "ApplyServerSideEncryptionByDefault", rules[0].Path, required: true) is not { } byDefault)
            {
                return null;
            }
            (settings, settingsPath) = (byDefault, JsonFile.Join(rules[0].Path, "ApplyServerSideEncryptionByDefault"));
        }
        else
        {
            bucketKey = r.Bool(encryption, "BucketKeyEnabled", encryptionPath);
        }
        var algorithm = r.String(settings, "SSEAlgorithm", settingsPath, required: true);
        if (algorithm is not null && !Algorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            r.Log.Error(JsonFile.Join(settingsPath, "SSEAlgorithm"), $"unknown algorithm `{algorithm}`: expected `AES256`, `aws:kms` or `aws:kms:dsse`");
            return null;
        }
        var key = r.String(settings, "KMSMasterKeyID", settingsPath, required: false);
        return algorithm is null ? null : new BucketEncryption(algorithm, key is { Length: > 0 } ? key : null, bucketKey);
    }

    private static KmsKey? Key(JsonElement item, string path, FieldReader r, string accountId)
    {
        var id = r.String(item, "KeyId", path, required: true);
        var arn = r.String(item, "Arn", path, required: true);
        var manager = r.String(item, "KeyManager", path, required: false);
        var policy = r.Policy(item, "Policy", path, required: true);
        if (manager is not null && !KeyManagers.Contains(manager, StringComparer.Ordinal))
        {
            r.Log.Error(JsonFile.Join(path, "KeyManager"), $"unknown key manager `{manager}`: expected `CUSTOMER` or `AWS`");
            return null;
        }
        if (id is null || arn is null || policy is null)
        {
            return null;
        }
        if (!Arn.TryParse(arn, out var parsed) || parsed.Service != "kms" || !parsed.Resource.StartsWith("key/", StringComparison.Ordinal))
        {
            r.Log.Error(JsonFile.Join(path, "Arn"), $"`{arn}` is not a KMS key ARN: expected `arn:aws:kms:REGION:ACCOUNT:key/KEY-ID`");
            return null;
        }
        var owner = parsed.Account;
        if (owner != accountId)
        {
            r.Log.Error(JsonFile.Join(path, "Arn"), $"key `{arn}` belongs to account `{owner}`, not to `{accountId}` whose folder lists it");
            return null;
        }
        var arnKeyId = parsed.Resource["key/".Length..];
        if (arnKeyId != id)
        {
            r.Log.Error(JsonFile.Join(path, "KeyId"), $"key id `{id}` is not the id in the key's ARN, `{arnKeyId}`");
            return null;
        }
        return new KmsKey(id, arn, manager, policy);
    }

    private static string? ResourceArn(JsonElement item, string path, FieldReader r, string accountId)
    {
        var arn = r.String(item, "Arn", path, required: true);
        if (arn is null)
        {
            return null;
        }
        // Arn reads empty fields as data; a resource the snapshot names must have its partition, service and resource.
        if (!Arn.TryParse(arn, out var parsed) || parsed.Partition.Length == 0 || parsed.Service.Length == 0 || parsed.Resource.Length == 0)
        {
            r.Log.Error(JsonFile.Join(path, "Arn"), $"`{arn}` is not an ARN: expected `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`");
            return null;
        }
        // S3 ARNs name no account; any other resource's ARN names its owner, which must be the folder's account.
        var owner = parsed.Account;
        if (owner.Length > 0 && owner != accountId)
        {
            r.Log.Error(JsonFile.Join(path, "Arn"), $"`{arn}` belongs to account `{owner}`, not to `{accountId}` whose folder lists it");
            return null;
        }
        return arn;
    }
}
