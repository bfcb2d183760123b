using System.Text;
using Governance.Core.Drift;
using Governance.Core.Drift.Records;
using Governance.Core.Reports;
using Governance.Core.Risk;
using Governance.Core.Tests.Risk;
using TestSupport.Accounts;

namespace Governance.Core.Tests.Reports;

/// <summary>Reports written as a stream: the same bytes as the rendered text, handed on in pieces.</summary>
public sealed class ReportStreamingTests
{
    private static readonly Lazy<AccountRisks> Generated = new(() => LabAudit.Audit(GeneratedAccount.Json(400)));

    public static TheoryData<ReportFormat> Formats() => [ReportFormat.Json, ReportFormat.Text, ReportFormat.Markdown, ReportFormat.Html];

    [Theory]
    [MemberData(nameof(Formats))]
    public void Write_Audit_IsTheRenderedReportEndingWithANewline(ReportFormat format)
    {
        // Arrange
        var expected = ReportRenderer.Render(LabAudit.Result, format);
        using var stream = new MemoryStream();

        // Act
        ReportRenderer.Write(LabAudit.Result, format, stream);

        // Assert
        Assert.Equal(expected.EndsWith('\n') ? expected : expected + "\n", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Write_LargeAuditAsJson_HandsBytesOnBeforeTheEnd()
    {
        // Arrange: a stream that records how much it held at each write.
        var stream = new CountingStream();

        // Act
        ReportRenderer.Write(Generated.Value, ReportFormat.Json, stream);

        // Assert: many writes, none close to the whole report.
        Assert.True(stream.Writes > 5, $"{stream.Writes} writes");
        Assert.True(stream.LargestWrite < stream.Length / 3, $"largest write {stream.LargestWrite} of {stream.Length} bytes");
    }

    [Fact]
    public void Write_DriftReportAsJson_IsTheStoredFormAndReadsBack()
    {
        // Arrange
        var state = LabAudit.State(GeneratedAccount.Json(100));
        var report = DriftAudit.Run(Guid.Empty, new DesiredState([], []), state, LabAudit.AsOf, previous: null);
        using var stream = new MemoryStream();

        // Act
        ReportRenderer.Write(report, ReportFormat.Json, [], stream);

        // Assert
        var text = Encoding.UTF8.GetString(stream.ToArray());
        Assert.Equal(DriftReportJson.Write(report) + "\n", text);
        Assert.Equal(report.Findings.Length, DriftReportJson.Read(text, "streamed").Value!.Findings.Length);
    }

    private sealed class CountingStream : Stream
    {
        public int Writes { get; private set; }

        public long LargestWrite { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            Position += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
