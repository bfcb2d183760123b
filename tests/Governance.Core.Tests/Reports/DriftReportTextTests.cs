using Governance.Core.Drift;
using Governance.Core.Reports;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Reports;

public sealed class DriftReportTextTests
{
    [Fact]
    public void Render_FirstAudit_TwoLinesPerFindingAndNoDelta()
    {
        // Arrange
        var report = DriftAudit.Run(Guid.NewGuid(), Desired(), State(AccountRole("shadow", ("admin", Policy("*", "*")))), Now, previous: null);

        // Act
        var text = ReportRenderer.Render(report, ReportFormat.Text, []);

        // Assert
        Assert.Contains("Critical NewRisk            arn:aws:iam::111122223333:role/shadow\n", text, StringComparison.Ordinal);
        Assert.EndsWith($"{report.Findings.Length} findings\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("previous audit", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AccessChangedSincePrevious_ListsThePrincipalsActions()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, State(AccountRole("analyst", ("read-lake", ReadLake))), Now.AddDays(-1), previous: null);
        var widened = State(AccountRole("analyst", ("read-lake", ReadLake), ("clean", Policy("s3:DeleteObject", "arn:aws:s3:::lake/*"))));

        // Act
        var text = DriftReportText.Render(DriftAudit.Run(Guid.NewGuid(), desired, widened, Now, previous));

        // Assert
        Assert.Contains($"access changed since the previous audit:\n  {Analyst} (changed)\n    Added               s3:DeleteObject on arn:aws:s3:::lake/*\n", text, StringComparison.Ordinal);
    }
}
