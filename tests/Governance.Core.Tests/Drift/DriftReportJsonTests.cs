using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using static Governance.Core.Tests.Drift.DriftTestAccount;

namespace Governance.Core.Tests.Drift;

public sealed class DriftReportJsonTests
{
    private static readonly DriftReport Report = Audit();

    [Fact]
    public void Read_WrittenReport_WritesBackTheSameJson()
    {
        // Arrange
        var json = DriftReportJson.Write(Report);

        // Act
        var read = DriftReportJson.Read(json, "report.json");

        // Assert
        Assert.True(read.Success, read.Error?.Detail);
        Assert.Equal(json, DriftReportJson.Write(read.Value));
        Assert.NotEmpty(read.Value.AccessDelta);
    }

    [Fact]
    public void Read_ReportStoredWithTheDefaultTimeForm_ReadsAndWritesTheOneForm()
    {
        // Arrange: a report as stored before times had one form: an offset and seven digits.
        var node = JsonNode.Parse(DriftReportJson.Write(Report))!.AsObject();
        node["ranAt"] = "2026-12-04T21:23:02.1234567+02:00";

        // Act
        var read = DriftReportJson.Read(node.ToJsonString(), "report.json");

        // Assert
        Assert.True(read.Success, read.Error?.Detail);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 19, 23, 2, TimeSpan.Zero).AddTicks(1_234_567), read.Value.RanAt);
        using var written = JsonDocument.Parse(DriftReportJson.Write(read.Value));
        Assert.Equal("2026-12-04T19:23:02.123456Z", written.RootElement.GetProperty("ranAt").GetString());
    }

    [Fact]
    public void Write_Report_FindingsComeFirstWithTheContractFieldsOnly()
    {
        // Act
        using var json = JsonDocument.Parse(DriftReportJson.Write(Report));

        // Assert
        Assert.Equal("findings", json.RootElement.EnumerateObject().First().Name);
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(),
            static f => Assert.Equal(["kind", "principal", "severity", "detail"], f.EnumerateObject().Select(static p => p.Name)));
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), static f => f.GetProperty("kind").GetString() == "UnmanagedPrincipal");
    }

    [Fact]
    public void Read_ReportWithoutBaseline_ErrorNamesTheFileAndTheMissingField()
    {
        // Arrange: the shape reports had before they kept a baseline
        var old = JsonNode.Parse(DriftReportJson.Write(Report))!.AsObject();
        old.Remove("baseline");
        old.Remove("previous");

        // Act
        var read = DriftReportJson.Read(old.ToJsonString(), "old.json");

        // Assert
        Assert.False(read.Success);
        Assert.Equal("old.json: not a drift report this version can read: missing `previous`, `baseline`", read.Error.Detail);
    }

    [Theory]
    [InlineData("""[1,2]""", "old.json: not a drift report: a report is a JSON object")]
    [InlineData("""{"findings": [""", "old.json: line 1 column 15 (findings): invalid JSON: the document ends before every object and array is closed")]
    [InlineData("""{"findings": ["\ud800"]}""", "old.json: line 1 column 16 (findings[0]): invalid escape: lone surrogate `\\ud800`; a `\\uD800`-`\\uDBFF` escape must be followed by a `\\uDC00`-`\\uDFFF` one")]
    public void Read_NotAReport_ErrorSaysWhy(string json, string expected)
    {
        // Act
        var read = DriftReportJson.Read(json, "old.json");

        // Assert
        Assert.Equal(expected, read.Error?.Detail);
    }

    [Fact]
    public void Read_UnknownSeverity_ErrorNamesThePath()
    {
        // Arrange
        var report = JsonNode.Parse(DriftReportJson.Write(Report))!.AsObject();
        report["findings"]![0]!["severity"] = "Huge";

        // Act
        var read = DriftReportJson.Read(report.ToJsonString(), "r.json");

        // Assert
        Assert.StartsWith("r.json: invalid drift report at `$.findings[0].severity`", read.Error?.Detail, StringComparison.Ordinal);
    }

    private static DriftReport Audit()
    {
        var desired = Desired(Role("analyst", ("read-lake", ReadLake)));
        var previous = DriftAudit.Run(Guid.NewGuid(), desired, State(AccountRole("analyst", ("read-lake", ReadLake))), Now.AddDays(-1), previous: null);
        var actual = State(AccountRole("analyst", ("read-lake", ReadLake)), AccountRole("shadow", ("admin", Policy("*", "*"))));
        return DriftAudit.Run(Guid.NewGuid(), desired, actual, Now, previous);
    }

    [Fact]
    public void Read_ReportWithGuardrailFindings_ReadsTheKindsBack()
    {
        // Arrange
        var report = Report with
        {
            Findings = [.. Enum.GetValues<DriftKind>().Where(static k => k.ConcernsGuardrail)
                .Select(static k => new DriftFinding(k, "scp/region-lock", Governance.Core.Risk.RiskSeverity.High, "detail"))],
        };
        var json = DriftReportJson.Write(report);

        // Act
        var read = DriftReportJson.Read(json, "report.json");

        // Assert
        Assert.True(read.Success, read.Error?.Detail);
        Assert.Equal<DriftFinding>(report.Findings, read.Value.Findings);
        Assert.Contains("\"kind\": \"GuardrailAttachmentDrift\"", json, StringComparison.Ordinal);
    }
}
