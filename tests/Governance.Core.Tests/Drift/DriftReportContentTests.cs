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
}
