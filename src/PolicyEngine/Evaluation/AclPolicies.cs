using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PolicyEngine.Parsing;

namespace PolicyEngine.Evaluation;

/// <summary>
/// S3 ACL grants written as the resource-policy statements they amount to, so the engine decides and explains them as
/// it does any statement: one Allow per grant, with the grant's actions, naming its grantee.
/// </summary>
/// <remarks>
/// <para>
/// Actions follow "Mapping of ACL permissions and access policy permissions"
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#acl-access-policy-permission-mapping):
/// on a bucket READ is <c>s3:ListBucket</c>, <c>s3:ListBucketVersions</c>, <c>s3:ListBucketMultipartUploads</c>, WRITE
/// is <c>s3:PutObject</c>, READ_ACP <c>s3:GetBucketAcl</c>, WRITE_ACP <c>s3:PutBucketAcl</c>; on an object READ is
/// <c>s3:GetObject</c>, <c>s3:GetObjectVersion</c>, WRITE nothing, READ_ACP <c>s3:GetObjectAcl</c>,
/// <c>s3:GetObjectVersionAcl</c>, WRITE_ACP <c>s3:PutObjectAcl</c>, <c>s3:PutObjectVersionAcl</c>; FULL_CONTROL all
/// of these. A policy set is about one resource, so a grant's statement covers every resource (<c>*</c>).
/// </para>
/// <para>
/// Grantees: <c>AllUsers</c> is anyone, signed or not (<c>"Principal": "*"</c>); <c>AuthenticatedUsers</c> is any
/// signed request, so the statement also requires <c>aws:PrincipalArn</c>, which every signed caller has and an
/// anonymous one lacks; an account grant names the account, which delegates to its principals as a resource policy
/// naming the account does ("the AWS accounts can delegate their permissions to users under their accounts", same page).
/// </para>
/// </remarks>
internal static class AclPolicies
{
    /// <summary>The name under which a bucket's ACL appears in explanations.</summary>
    public const string BucketAclName = "bucket-acl";

    /// <summary>The name under which an object's ACL appears in explanations.</summary>
    public const string ObjectAclName = "object-acl";

    /// <summary>
    /// The ACL <paramref name="grants"/> of a bucket (<paramref name="onBucket"/>) or object, as one policy whose
    /// statement <c>i</c> is <see cref="Granting"/>'s grant <c>i</c>.
    /// </summary>
    public static NamedPolicy ToPolicy(ImmutableArray<AclGrant> grants, bool onBucket)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (var grant in Granting(grants, onBucket))
            {
                WriteStatement(json, grant, Actions(grant.Permission, onBucket));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return NamedPolicy.From(onBucket ? BucketAclName : ObjectAclName, PolicyParser.Parse(Encoding.UTF8.GetString(buffer.WrittenSpan)));
    }

    /// <summary>The grants that allow some action: WRITE on an object is "not applicable" and has no statement.</summary>
    public static AclGrant[] Granting(ImmutableArray<AclGrant> grants, bool onBucket)
        => [.. grants.Where(g => g is not null && Actions(g.Permission, onBucket).Length > 0)];

    private static void WriteStatement(Utf8JsonWriter json, AclGrant grant, string[] actions)
    {
        json.WriteStartObject();
        json.WriteString("Sid", Sid(grant));
        json.WriteString("Effect", "Allow");
        switch (grant.Grantee)
        {
            case AclGrantee.AllUsers:
                json.WriteString("Principal", "*");
                break;
            case AclGrantee.AuthenticatedUsers:
                json.WriteStartObject("Principal");
                json.WriteString("AWS", "*");
                json.WriteEndObject();
                break;
            default:
                json.WriteStartObject("Principal");
                json.WriteString("AWS", grant.Account);
                json.WriteEndObject();
                break;
        }
        json.WriteStartArray("Action");
        foreach (var action in actions)
        {
            json.WriteStringValue(action);
        }
        json.WriteEndArray();
        json.WriteString("Resource", "*");
        if (grant.Grantee == AclGrantee.AuthenticatedUsers)
        {
            json.WriteStartObject("Condition");
            json.WriteStartObject("Null");
            json.WriteString("aws:PrincipalArn", "false");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>Names the grant in explanations: grantee and permission, letters and digits only as a Sid must be.</summary>
    private static string Sid(AclGrant grant)
        => (grant.Grantee == AclGrantee.Account ? "Account" + grant.Account : grant.Grantee.ToString()) + grant.Permission;

    private static string[] Actions(AclPermission permission, bool onBucket) => (permission, onBucket) switch
    {
        (AclPermission.Read, true) => ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads"],
        (AclPermission.Write, true) => ["s3:PutObject"],
        (AclPermission.ReadAcp, true) => ["s3:GetBucketAcl"],
        (AclPermission.WriteAcp, true) => ["s3:PutBucketAcl"],
        (AclPermission.FullControl, true) =>
            ["s3:ListBucket", "s3:ListBucketVersions", "s3:ListBucketMultipartUploads", "s3:PutObject", "s3:GetBucketAcl", "s3:PutBucketAcl"],
        (AclPermission.Read, false) => ["s3:GetObject", "s3:GetObjectVersion"],
        (AclPermission.ReadAcp, false) => ["s3:GetObjectAcl", "s3:GetObjectVersionAcl"],
        (AclPermission.WriteAcp, false) => ["s3:PutObjectAcl", "s3:PutObjectVersionAcl"],
        (AclPermission.FullControl, false) =>
            ["s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAcl", "s3:GetObjectVersionAcl", "s3:PutObjectAcl", "s3:PutObjectVersionAcl"],
        _ => [],
    };
}
