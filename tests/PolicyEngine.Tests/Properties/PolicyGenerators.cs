using System.Collections.Immutable;
using CsCheck;
using PolicyEngine.Evaluation;

namespace PolicyEngine.Tests.Properties;

/// <summary>A generated statement, rendered to policy JSON.</summary>
internal sealed record GenStatement(bool Deny, string[] Actions, bool NotAction, string[] Resources, bool NotResource, string[]? Principals, bool TeamCondition)
{
    public string Json()
    {
        static string List(IEnumerable<string> values) => "[" + string.Join(",", values.Select(static v => $"\"{v}\"")) + "]";
        var principal = Principals is null ? "" : Principals.Length == 0 ? ",\"Principal\":\"*\"" : $",\"Principal\":{{\"AWS\":{List(Principals)}}}";
        var condition = TeamCondition ? ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"data\"}}" : "";
        return $"{{\"Effect\":\"{(Deny ? "Deny" : "Allow")}\"{principal},\"{(NotAction ? "NotAction" : "Action")}\":{List(Actions)},"
            + $"\"{(NotResource ? "NotResource" : "Resource")}\":{List(Resources)}{condition}}}";
    }
}

/// <summary>A generated policy.</summary>
internal sealed record GenPolicy(string Name, GenStatement[] Statements)
{
    public NamedPolicy Compile()
        => NamedPolicy.Parse(Name, $"{{\"Version\":\"2012-10-17\",\"Statement\":[{string.Join(",", Statements.Select(static s => s.Json()))}]}}");
}

/// <summary>A generated policy set; the names tell the reference authorizer which policies carry a Principal.</summary>
internal sealed record GenSet(GenPolicy[] Identity, GenPolicy? Boundary, GenPolicy? Session, GenPolicy[][] Scp, GenPolicy[][] Rcp, GenPolicy? Resource,
    GenPolicy? Endpoint = null)
{
    public PolicySet ToPolicySet() => new()
    {
        IdentityPolicies = [.. Identity.Select(static p => p.Compile())],
        PermissionsBoundary = Boundary?.Compile(),
        SessionPolicy = Session?.Compile(),
        ServiceControlPolicies = [.. Scp.Select(static l => l.Select(static p => p.Compile()).ToImmutableArray())],
        ResourceControlPolicies = [.. Rcp.Select(static l => l.Select(static p => p.Compile()).ToImmutableArray())],
        ResourcePolicy = Resource?.Compile(),
        VpcEndpointPolicy = Endpoint?.Compile(),
    };

    public override string ToString() => string.Join("\n", Identity.Append(Boundary).Append(Session).Concat(Scp.SelectMany(static l => l))
        .Concat(Rcp.SelectMany(static l => l)).Append(Resource).Append(Endpoint).OfType<GenPolicy>().Select(static p => p.Name + ": " + string.Join(",", p.Statements.Select(static s => s.Json()))));
}

/// <summary>CsCheck generators over small pools, so that statements often overlap the request.</summary>
internal static class PolicyGenerators
{
    public const string Account = "111122223333";

    private static readonly string[] Actions = ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:RunInstances", "kms:Decrypt", "sts:AssumeRole", "iam:GetUser"];

    private static readonly string[] ActionPatterns = [.. Actions, "s3:*", "s3:Get*", "*", "ec2:*", "kms:*", "s3:?utObject", "sts:*", "S3:GETOBJECT", "*:Get*"];

    private static readonly string[] Resources = ["arn:aws:s3:::lake/a.csv", "arn:aws:s3:::lake", "arn:aws:kms:eu-west-1:111122223333:key/k1", "arn:aws:iam::111122223333:role/etl", "*"];

    private static readonly string[] ResourcePatterns = [.. Resources, "arn:aws:s3:::lake/*", "arn:aws:s3:::*", "arn:aws:kms:*", "*"];

    private static readonly string[] Callers =
    [
        "arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:role/data-engineer",
        "arn:aws:sts::111122223333:assumed-role/data-engineer/s1", "arn:aws:iam::444455556666:user/bob",
        "arn:aws:iam::111122223333:role/aws-service-role/emr.amazonaws.com/AWSServiceRoleForEMR",
    ];

    private static readonly string[] PrincipalEntries = ["111122223333", "arn:aws:iam::111122223333:root", "444455556666", .. Callers.Take(4)];

    public static Gen<GenStatement> Statement(bool withPrincipal, Gen<bool> deny) =>
        from isDeny in deny
        from actions in Gen.OneOf(ActionPatterns).Array[1, 2]
        from notAction in Gen.Int[0, 9].Select(static i => i == 0)
        from resources in Gen.OneOf(ResourcePatterns).Array[1, 2]
        from notResource in Gen.Int[0, 9].Select(static i => i == 0)
        from principals in Gen.OneOf(PrincipalEntries).Array[0, 2]
        from team in Gen.Int[0, 3].Select(static i => i == 0)
        select new GenStatement(isDeny, actions, notAction, resources, notResource, withPrincipal ? principals : null, team);

    public static Gen<GenStatement> AnyStatement(bool withPrincipal) => Statement(withPrincipal, Gen.Int[0, 5].Select(static i => i == 0));

    private static Gen<GenPolicy> Policy(string name, bool withPrincipal) =>
        AnyStatement(withPrincipal).Array[1, 3].Select(s => new GenPolicy(name, s));

    private static Gen<GenPolicy?> Optional(Gen<GenPolicy> policy) =>
        Gen.Int[0, 2].SelectMany(i => i == 0 ? policy.Select(static p => (GenPolicy?)p) : Gen.Const(default(GenPolicy)));

    private static Gen<GenPolicy[][]> Levels(string prefix, bool withPrincipal) =>
        Gen.OneOf(0, 0, 1, 2).SelectMany(levels => Gen.Int[0, 2].SelectMany(n => Policy(prefix, withPrincipal).Array[n == 0 ? 1 : n]).Array[levels]);

    public static Gen<GenSet> Set { get; } =
        from identity in Policy("identity", false).Array[0, 3]
        from boundary in Optional(Policy("boundary", false))
        from session in Optional(Policy("session", false))
        from scp in Levels("scp", false)
        from rcp in Gen.Int[0, 2].SelectMany(i => i == 0 ? Levels("rcp", true) : Gen.Const<GenPolicy[][]>([]))
        from resource in Optional(Policy("resource", true))
        from endpoint in Optional(Policy("vpce", true))
        select new GenSet(identity, boundary, session, scp, rcp, resource, endpoint);

    public static Gen<AuthorizationRequest> Request { get; } =
        from caller in Gen.OneOf(Callers)
        from action in Gen.OneOf(Actions)
        from resource in Gen.OneOf(Resources)
        from crossAccount in Gen.Int[0, 4].Select(static i => i == 0)
        from team in Gen.OneOf<string>("data", "ml", "")
        select AuthorizationRequest.Create(caller, action, resource, crossAccount ? "999988887777" : Account,
            team.Length == 0 ? RequestContext.Empty : RequestContext.Create([KeyValuePair.Create("aws:PrincipalTag/team", team)]));
}
