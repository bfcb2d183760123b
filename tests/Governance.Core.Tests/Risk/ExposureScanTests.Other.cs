using Governance.Core.Risk;
using static Governance.Core.Tests.Risk.ExposureOrganization;

namespace Governance.Core.Tests.Risk;

/// <summary>Other resource policies (SQS, Secrets Manager, Glue): the same rules as buckets, without Block Public Access.</summary>
public sealed partial class ExposureScanTests
{
    [Fact]
    public void Analyze_QueueAnyoneMaySendTo_IsHigh()
    {
        const string queue = "arn:aws:sqs:eu-west-1:111111111111:ingest";
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Sid":"AnyoneSends","Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:eu-west-1:111111111111:ingest"}]}
            """;
        var org = new ExposureOrganization().Other(App, queue, policy);

        var finding = Assert.Single(FindingsOf(org.Audit(), queue));

        Assert.Equal((FindingCategory.OutsideAccess, RiskSeverity.High), (finding.Category, finding.Severity));
        Assert.Equal(["sqs:SendMessage"], finding.Actions.ToArray());
    }

    [Fact]
    public void Analyze_GlueCatalogSharedWithAnOutsideAccount_FindsTheTableGrants()
    {
        // The grant names the catalog, a database and its tables: each is decided as its own resource.
        const string catalog = "arn:aws:glue:eu-west-1:222222222222:catalog";
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":["glue:GetTable","glue:GetDatabase"],
              "Resource":["arn:aws:glue:eu-west-1:222222222222:catalog","arn:aws:glue:eu-west-1:222222222222:database/lake","arn:aws:glue:eu-west-1:222222222222:table/lake/*"]}]}
            """;
        var org = new ExposureOrganization().Other(Data, catalog, policy);

        var finding = Assert.Single(FindingsOf(org.Audit(), catalog));

        Assert.Equal(RiskSeverity.Medium, finding.Severity);
        Assert.Equal(["glue:GetDatabase", "glue:GetTable"], finding.Actions.ToArray());
    }
    [Theory]
    [InlineData("", true)]
    [InlineData(""","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:111111111111:alerts"}}""", false)]
    [InlineData(""","Condition":{"StringEquals":{"aws:SourceAccount":"111111111111"}}""", false)]
    [InlineData(""","Condition":{"StringEquals":{"aws:SourceOrgID":"o-exposure0001"}}""", false)]
    public void Analyze_QueueGrantingAService_IsOutsideUnlessTheSourceIsPinned(string condition, bool outside)
    {
        // A service principal acts for whoever set it up: without aws:SourceArn, aws:SourceAccount or aws:SourceOrgID
        // naming ours, any account's topic can send here (IAM user guide, the confused deputy problem).
        const string queue = "arn:aws:sqs:eu-west-1:111111111111:alerts";
        var policy = $$"""
            {"Version":"2012-10-17","Statement":[{"Sid":"TopicSends","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage",
              "Resource":"arn:aws:sqs:eu-west-1:111111111111:alerts"{{condition}}}]}
            """;
        var org = new ExposureOrganization().Other(App, queue, policy);

        var findings = FindingsOf(org.Audit(), queue);

        Assert.Equal(outside, findings.Any(static f => f.Severity == RiskSeverity.Medium && f.Path[0] == "sns.amazonaws.com"));
        Assert.Equal(outside ? 1 : 0, findings.Length);
    }
}
