using System.Collections.Immutable;
using System.Text.Json;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Conformance;

/// <summary>
/// Reads a case's S3 settings: <c>blockPublicAccess</c>, <c>objectOwnership</c> and <c>acl</c>
/// (tests/data/conformance-project/FORMAT.md). Every malformed value is an error message, never an exception.
/// </summary>
internal static class S3SettingsReader
{
    private static readonly string[] BlockPublicAccessFields = ["blockPublicAcls", "ignorePublicAcls", "blockPublicPolicy", "restrictPublicBuckets"];

    /// <summary>Adds the S3 settings <paramref name="root"/> holds to <paramref name="policies"/>; an error names the first bad value.</summary>
    public static (PolicySet Policies, string? Error) Read(JsonElement root, PolicySet policies)
    {
        if (root.TryGetProperty("blockPublicAccess", out var block) && block.ValueKind != JsonValueKind.Null)
        {
            var (settings, error) = BlockPublicAccess(block);
            if (error is not null)
            {
                return (policies, error);
            }
            policies = policies with { BlockPublicAccess = settings };
        }
        if (root.TryGetProperty("objectOwnership", out var ownership) && ownership.ValueKind != JsonValueKind.Null)
        {
            ObjectOwnership? value = ownership.ValueKind != JsonValueKind.String ? null : ownership.GetString() switch
            {
                "BucketOwnerEnforced" => ObjectOwnership.BucketOwnerEnforced,
                "BucketOwnerPreferred" => ObjectOwnership.BucketOwnerPreferred,
                "ObjectWriter" => ObjectOwnership.ObjectWriter,
                _ => null,
            };
            if (value is null)
            {
                return (policies, "`objectOwnership` is one of `BucketOwnerEnforced`, `BucketOwnerPreferred`, `ObjectWriter`");
            }
            policies = policies with { ObjectOwnership = value };
        }
        if (root.TryGetProperty("acl", out var acl) && acl.ValueKind != JsonValueKind.Null)
        {
            if (acl.ValueKind != JsonValueKind.Object)
            {
                return (policies, "`acl` is an object with `bucket` and `object` lists of grants");
            }
            var (bucket, bucketError) = Grants(acl, "bucket");
            var (item, objectError) = Grants(acl, "object");
            if ((bucketError ?? objectError) is { } error)
            {
                return (policies, error);
            }
            policies = policies with { BucketAcl = bucket, ObjectAcl = item };
        }
        return (policies, null);
    }

    private static (BlockPublicAccessSettings? Settings, string? Error) BlockPublicAccess(JsonElement block)
    {
        if (block.ValueKind != JsonValueKind.Object)
        {
            return (null, "`blockPublicAccess` is an object of four booleans");
        }
        var values = new bool[BlockPublicAccessFields.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!block.TryGetProperty(BlockPublicAccessFields[i], out var value))
            {
                continue; // left out is off, as S3 reads a missing setting
            }
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, $"`blockPublicAccess.{BlockPublicAccessFields[i]}` is `true` or `false`");
            }
            values[i] = value.GetBoolean();
        }
        foreach (var property in block.EnumerateObject())
        {
            if (Array.IndexOf(BlockPublicAccessFields, property.Name) < 0)
            {
                return (null, $"`blockPublicAccess` has no field `{property.Name}`");
            }
        }
        return (new BlockPublicAccessSettings(values[0], values[1], values[2], values[3]), null);
    }

    private static (ImmutableArray<AclGrant> Grants, string? Error) Grants(JsonElement acl, string name)
    {
        if (!acl.TryGetProperty(name, out var list) || list.ValueKind == JsonValueKind.Null)
        {
            return ([], null);
        }
        if (list.ValueKind != JsonValueKind.Array)
        {
            return ([], $"`acl.{name}` is a list of grants");
        }
        var grants = ImmutableArray.CreateBuilder<AclGrant>();
        foreach (var item in list.EnumerateArray())
        {
            if (Grant(item) is not { } grant)
            {
                return ([], $"`acl.{name}` grants are {{\"grantee\": \"AllUsers\" | \"AuthenticatedUsers\" | ACCOUNT-ID, \"permission\": \"READ\" | \"WRITE\" | \"READ_ACP\" | \"WRITE_ACP\" | \"FULL_CONTROL\"}}");
            }
            grants.Add(grant);
        }
        return (grants.ToImmutable(), null);
    }

    private static AclGrant? Grant(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object
            || !item.TryGetProperty("grantee", out var grantee) || grantee.ValueKind != JsonValueKind.String
            || !item.TryGetProperty("permission", out var permissionText) || permissionText.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        AclPermission? permission = permissionText.GetString() switch
        {
            "READ" => AclPermission.Read,
            "WRITE" => AclPermission.Write,
            "READ_ACP" => AclPermission.ReadAcp,
            "WRITE_ACP" => AclPermission.WriteAcp,
            "FULL_CONTROL" => AclPermission.FullControl,
            _ => null,
        };
        if (permission is not { } p)
        {
            return null;
        }
        return grantee.GetString() switch
        {
            "AllUsers" => AclGrant.ToGroup(AclGrantee.AllUsers, p),
            "AuthenticatedUsers" => AclGrant.ToGroup(AclGrantee.AuthenticatedUsers, p),
            { Length: 12 } account when account.All(char.IsAsciiDigit) => AclGrant.ToAccount(account, p),
            _ => null,
        };
    }
}
