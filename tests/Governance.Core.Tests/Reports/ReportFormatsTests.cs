using Governance.Core.Reports;

namespace Governance.Core.Tests.Reports;

public sealed class ReportFormatsTests
{
    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("json", ReportFormat.Json)]
    [InlineData("markdown", ReportFormat.Markdown)]
    [InlineData("html", ReportFormat.Html)]
    public void TryParse_EachName_ReadsItsFormatAndNameSpellsItBack(string name, ReportFormat expected)
    {
        // Act
        var read = ReportFormats.TryParse(name, out var format);

        // Assert
        Assert.True(read);
        Assert.Equal(expected, format);
        Assert.Equal(name, ReportFormats.Name(format));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("JSON")]
    [InlineData("1")]
    [InlineData("pdf")]
    public void TryParse_NotAName_IsRefused(string? name)
    {
        // Act
        var read = ReportFormats.TryParse(name, out _);

        // Assert
        Assert.False(read);
    }

    [Fact]
    public void OneOf_SeveralFormats_ListsThemForASentence()
    {
        // Act
        var all = ReportFormats.OneOf(Enum.GetValues<ReportFormat>());
        var one = ReportFormats.OneOf([ReportFormat.Json]);

        // Assert
        Assert.Equal("`text`, `json`, `markdown` or `html`", all);
        Assert.Equal("`json`", one);
    }
}
