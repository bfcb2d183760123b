using CsCheck;
using Governance.Core.Accounts.Organization;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>Properties of the exposure audit on generated bucket policies.</summary>
public sealed partial class ExposureScanTests
{
    private static readonly string[] Principals =
        ["\"*\"", """{"AWS":"*"}""", """{"AWS":"arn:aws:iam::444455556666:root"}""", """{"AWS":"222222222222"}""", """{"AWS":"arn:aws:iam::555566667777:role/reader"}"""];

    private static readonly string[] Actions = ["s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:Get*", "s3:*"];

    private static readonly string[] Conditions =
    [
        "", ""","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-exposure0001"}}""", ""","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-partner00001"}}""",
        ""","Condition":{"Bool":{"aws:SecureTransport":"true"}}""", ""","Condition":{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}""",
    ];

    private static readonly Gen<string> AllowStatement =
        Gen.Select(Gen.Int[0, Principals.Length - 1], Gen.Int[0, Actions.Length - 1].Array[1, 3], Gen.Int[0, Conditions.Length - 1])
            .Select(static t => $$"""{"Effect":"Allow","Principal":{{Principals[t.Item1]}},"Action":[{{string.Join(',', t.Item2.Distinct().Select(i => $"\"{Actions[i]}\""))}}],"Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"]{{Conditions[t.Item3]}}}""");

    /// <summary>A Deny of some actions to every principal outside the organisation, as a data-perimeter statement writes it.</summary>
    private static readonly Gen<string> OutsideDeny =
        Gen.Int[0, Actions.Length - 1].Array[1, 2]
            .Select(static a => """{"Effect":"Deny","Principal":"*","Action":[""" + string.Join(',', a.Distinct().Select(i => $"\"{Actions[i]}\"")) +
                """],"Resource":["arn:aws:s3:::reports","arn:aws:s3:::reports/*"],"Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-exposure0001"}}}""");

    [Fact]
    public void Analyze_AddingADenyForOutsidePrincipals_NeverAddsAnOutsideGrant()
    {
        // Without RestrictPublicBuckets: with it, a Deny that makes a public policy non-public lifts the block on the
        // policy's grants to named accounts (the block applies only to public policies), so a grant can then appear.
        Gen.Select(AllowStatement.Array[1, 3], OutsideDeny, Gen.Bool).Sample(static t =>
        {
            var (allows, deny, blockPolicy) = t;
            var block = new PublicAccessBlock(true, true, blockPolicy, RestrictPublicBuckets: false);
            var before = Grants(new ExposureOrganization().Bucket(App, "reports", Policy(allows), block));
            var after = Grants(new ExposureOrganization().Bucket(App, "reports", Policy([.. allows, deny]), block));
            return after.IsSubsetOf(before);
        }, iter: 150);
    }

    private static string Policy(IEnumerable<string> statements) => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(',', statements)}}]}""";

    /// <summary>Who outside gains which action on the bucket.</summary>
    private static HashSet<(string Who, string Action)> Grants(ExposureOrganization org)
        => [.. FindingsOf(org.Audit(), "reports").SelectMany(static f => f.Actions.Select(a => (f.Path[0], a)))];
}
