using System.Collections.Immutable;
using System.Text.Json;
using Governance.Core.Reports;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Reports;

public sealed class RiskReportJsonTests
{
    /// <summary>One public bucket's finding and a note: a resource-side audit in miniature.</summary>
    internal static readonly AccountRisks Audit = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), [])
    {
        Resources =
        [
            new ResourceRisks("arn:aws:s3:::reports", "reports", ResourceKind.Bucket, "111111111111",
            [
                new Finding(FindingCategory.OutsideAccess, RiskSeverity.High, "Anyone outside the organisation can s3:GetObject", null,
                    ["s3:GetObject"], ["*", "arn:aws:s3:::reports"],
                    [new FindingEvidence("arn:aws:s3:::reports", "bucket policy of `reports`", "PublicRead", 2, PolicyType.Resource)], []),
            ]),
        ],
        Notes = ["a note"],
    };

    [Fact]
    public void Render_ResourceFindings_AreCountedAndListedWithTheirAccountAndKind()
    {
        using var json = JsonDocument.Parse(RiskReportJson.Render(Audit));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("totals").GetProperty("resources").GetInt32());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("findings").GetInt32());
        Assert.Equal(1, root.GetProperty("totals").GetProperty("byCategory").GetProperty("OutsideAccess").GetInt32());
        var resource = Assert.Single(root.GetProperty("resources").EnumerateArray());
        Assert.Equal(("Bucket", "111111111111"), (resource.GetProperty("kind").GetString(), resource.GetProperty("account").GetString()));
        Assert.Equal("Resource", resource.GetProperty("findings")[0].GetProperty("evidence")[0].GetProperty("policyType").GetString());
        Assert.Equal("a note", Assert.Single(root.GetProperty("notes").EnumerateArray()).GetString());
    }

    [Fact]
    public void Render_AccountAuditWithoutResources_WritesEmptyResourcesAndNotes()
    {
        using var json = JsonDocument.Parse(RiskReportJson.Render(new AccountRisks(Audit.AsOf, ImmutableArray<PrincipalRisks>.Empty)));

        Assert.Empty(json.RootElement.GetProperty("resources").EnumerateArray());
        Assert.Empty(json.RootElement.GetProperty("notes").EnumerateArray());
    }
}
