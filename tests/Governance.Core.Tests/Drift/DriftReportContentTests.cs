using System.IO.Compression;
using System.Text;
using Governance.Core.Drift.Records;

namespace Governance.Core.Tests.Drift;

/// <summary>The stored form of a drift report's JSON: compressed and marked, or, in older rows, the JSON itself.</summary>
public sealed class DriftReportContentTests
{
    private const string Json = """{"id":"7c1d","findings":[{"detail":"role `café` <unmanaged> ✓"}]}""";

    [Fact]
    public void Compress_Json_MarkedGzipThatExpandsToTheSameText()
    {
        // Act
        var stored = DriftReportContent.Compress(Json);

        // Assert: the marker, then standard gzip a reader other than this class can open
        Assert.StartsWith("gz:", stored, StringComparison.Ordinal);
        using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(stored[3..])), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        Assert.Equal(Json, reader.ReadToEnd());
        Assert.Equal(Json, DriftReportContent.Expand(stored));
    }

    [Fact]
    public void Expand_RowWrittenBeforeCompression_ReturnedAsItIs()
        => Assert.Same(Json, DriftReportContent.Expand(Json));

    [Fact]
    public void Expand_MarkerWithoutBase64_IsInvalidData()
        => Assert.Throws<InvalidDataException>(() => DriftReportContent.Expand("gz:not base64!"));

    [Fact]
    public void Expand_ContentThatExpandsBeyondTheBound_IsInvalidDataNotMemory()
    {
        // Arrange: 1 MB of one character compresses to about a kilobyte, as a bomb would
        var stored = DriftReportContent.Compress(new string('a', 1_000_000));

        // Act
        var refused = Assert.Throws<InvalidDataException>(() => DriftReportContent.Expand(stored, maxChars: 100_000));

        // Assert
        Assert.Contains("expands beyond 100000", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1_000_000, DriftReportContent.Expand(stored, maxChars: 1_000_000).Length);
        Assert.Null(DriftReportContent.TryExpand("gz:not base64!"));
    }
}
