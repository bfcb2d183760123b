using Governance.Core.Reports;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;
using TestSupport.Reports;

namespace Governance.Core.Tests.Risk;

public sealed class PolicyDocumentsTests
{
    [Fact]
    public void Find_EveryEvidenceOfTheDemoOrganisation_IsTheDocumentWhoseStatementItNames()
    {
        // Arrange
        var audit = DemoReports.RiskAudit;
        var evidence = audit.Findings.SelectMany(static f => f.Evidence).ToList();

        // Act
        var found = evidence.Select(e => (Evidence: e, Document: audit.Documents.Find(e))).ToList();

        // Assert: the engine reads each document's statement named by the evidence at the evidence's line
        Assert.NotEmpty(found);
        Assert.Contains(found, static f => f.Evidence.PolicyType == PolicyType.Resource);
        foreach (var (e, document) in found)
        {
            Assert.True(document is not null, $"{e.Principal} {e.Policy}: no document");
            var statements = NamedPolicy.Parse(e.Policy, document).Document?.Statements ?? [];
            Assert.Contains(statements, s => s.DisplayName == e.Sid && s.Location.Line == e.Line);
        }
    }

    [Fact]
    public void Find_AuditOfAnAccountFile_FindsIdentityPoliciesAndNothingOfAnOrganisation()
    {
        // Arrange
        var audit = LabAudit.Result;
        var evidence = audit.Findings.SelectMany(static f => f.Evidence).First(static e => e.PolicyType == PolicyType.Identity);

        // Act
        var document = audit.Documents.Find(evidence);
        var scp = audit.Documents.Find(evidence with { PolicyType = PolicyType.ServiceControl });

        // Assert
        Assert.NotNull(document);
        Assert.Null(scp);
        Assert.Null(PolicyDocuments.None.Find(evidence));
    }

    [Fact]
    public void RiskReportJson_DocumentsOrNot_IsTheSame()
    {
        // Arrange
        var audit = DemoReports.RiskAudit;

        // Act
        var with = RiskReportJson.Render(audit);
        var without = RiskReportJson.Render(audit with { Documents = PolicyDocuments.None });

        // Assert: the documents are for the HTML page; the JSON report other tools read does not change
        Assert.Equal(without, with);
    }
}
