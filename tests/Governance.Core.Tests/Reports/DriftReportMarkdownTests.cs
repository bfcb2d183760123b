using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Risk;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Reports;

public sealed class DriftReportMarkdownTests
{
    [Fact]
    public void Render_FirstAudit_SaysWhatNewRiskMeansAndHasNoDeltaSection()
    {
        // Arrange
        var report = DriftAudit.Run(Guid.NewGuid(), Desired(), State(AccountRole("shadow", ("admin", Policy("*", "*")))), Now, previous: null);

        // Act
        var markdown = DriftReportMarkdown.Render(report);

        // Assert
        Assert.Contains("First audit: no previous report, so NewRisk lists the risks the roles as code would not give", markdown, StringComparison.Ordinal);
        Assert.Contains("| Critical | NewRisk | `arn:aws:iam::111122223333:role/shadow` |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Access delta", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_AccessChangedSincePrevious_OneTablePerPrincipal()
    {
        // Arrange
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, State(AccountRole("analyst", ("read-lake", ReadLake))), Now.AddDays(-1), previous: null);
        var widened = State(AccountRole("analyst", ("read-lake", ReadLake), ("clean", Policy("s3:DeleteObject", "arn:aws:s3:::lake/*"))));

        // Act
        var markdown = DriftReportMarkdown.Render(DriftAudit.Run(Guid.NewGuid(), desired, widened, Now, previous));

        // Assert
        Assert.Contains($"Compared with the previous audit of 2026-11-24 03:00 UTC ({previous.Id})", markdown, StringComparison.Ordinal);
        Assert.Contains($"### `{Analyst}` (changed)", markdown, StringComparison.Ordinal);
        Assert.Contains("| Added | `s3:DeleteObject` | Write | `arn:aws:s3:::lake/*` |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_GuardrailFindings_OwnSectionNamingTheGuardrail()
    {
        // Arrange
        var report = new DriftReport(Guid.NewGuid(), Now,
            [new DriftFinding(DriftKind.UnmanagedGuardrail, "rcp/DenyInsecureTransport", RiskSeverity.Medium, "RCP `DenyInsecureTransport` is in the organisation but not in guardrails/rcp/")],
            null, [], DriftBaseline.Empty);

        // Act
        var markdown = DriftReportMarkdown.Render(report);

        // Assert
        Assert.Contains("## Organisation guardrails (SCPs and RCPs)\n\n| severity | kind | guardrail | detail |\n| --- | --- | --- | --- |\n"
            + "| Medium | UnmanagedGuardrail | `rcp/DenyInsecureTransport` |", markdown, StringComparison.Ordinal);
        Assert.Contains("The account matches the roles kept as code.", markdown, StringComparison.Ordinal);
    }
}
