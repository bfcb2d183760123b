using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;
using static Governance.Core.Tests.Accounts.Questions.DemoOrganization;

namespace Governance.Core.Tests.Accounts.Questions;

/// <summary>
/// What can, on the demo organisation, derived by hand from its policies as <see cref="OrganizationWhoCanTests"/> are.
/// </summary>
public sealed class OrganizationWhatCanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Ask_GlueEtl_ListsTheLakeObjectsItsOwnPoliciesAndTheBucketPoliciesBothAllow()
    {
        // Arrange: glue-etl (consumer) reads lake-raw (ReadRaw + GlueEtlReadsRaw) and reads and writes lake-curated
        // (WriteCurated + GlueEtlWritesCurated); on the keys its own policies allow no kms action, so across accounts the
        // key policies' grants (ConsumersDecryptRaw, GlueEtlWritesCurated) are not enough.
        var glue = Org.Find("role/glue-etl").Principal!;

        // Act
        var answer = OrganizationWhatCan.Ask(Org, glue, AccessQuery.All, Now, TlsInEuWest1);

        // Assert
        Assert.Equal(["s3:GetObject"], Actions(answer, "arn:aws:s3:::lake-raw/*"));
        Assert.Equal(["s3:GetObject", "s3:PutObject"], Actions(answer, "arn:aws:s3:::lake-curated/*"));
        Assert.Equal(["s3:ListBucket"], Actions(answer, "arn:aws:s3:::lake-raw"));
        Assert.DoesNotContain(answer.Resources, r => r.Kind == KnownResourceKind.Key);
    }

    [Fact]
    public void Ask_DataEngineer_ReadsTheProducersCatalogButNotLakeRaw()
    {
        // Arrange: the Glue catalog policy grants the consumer account (…:root) six reads; data-engineer's DataEngineerBase
        // allows five of them on * (not glue:GetPartition), within its boundary (glue:*) and DataAllowList (glue:*): those
        // five, across accounts. lake-raw's bucket policy names it, but its own policies do not allow lake-raw: nothing.
        var engineer = Org.Find("role/data-engineer").Principal!;

        // Act
        var answer = OrganizationWhatCan.Ask(Org, engineer, AccessQuery.All, Now, TlsInEuWest1);

        // Assert
        Assert.Equal(["glue:GetDatabase", "glue:GetDatabases", "glue:GetPartitions", "glue:GetTable", "glue:GetTables"],
            Actions(answer, $"arn:aws:glue:eu-west-1:{Producer}:catalog"));
        Assert.DoesNotContain(answer.Resources, r => r.Resource.StartsWith("arn:aws:s3:::lake-raw", StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_Contractor_MayAssumeEtlRunnerOnly()
    {
        // Arrange: contractor-support (outside) allows itself sts:AssumeRole on any etl-runner; only etl-runner's trust
        // admits its account.
        var contractor = Org.Find("role/contractor-support").Principal!;

        // Act
        var answer = OrganizationWhatCan.Ask(Org, contractor, AccessQuery.All, Now, TlsInEuWest1);

        // Assert
        var role = Assert.Single(answer.Resources);
        Assert.Equal($"arn:aws:iam::{Consumer}:role/etl-runner", role.Resource);
        Assert.Equal(KnownResourceKind.Role, role.Kind);
        Assert.Contains("sts:AssumeRole", role.Access.Actions.Select(static a => a.Action));
    }

    private static IEnumerable<string> Actions(WhatCanAnswer answer, string resource)
        => [.. answer.Resources.Where(r => r.Resource == resource).SelectMany(static r => r.Access.Actions).Select(static a => a.Action).Order(StringComparer.Ordinal)];
}
