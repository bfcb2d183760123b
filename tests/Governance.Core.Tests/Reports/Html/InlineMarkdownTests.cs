using Governance.Core.Reports.Html;

namespace Governance.Core.Tests.Reports.Html;

public sealed class InlineMarkdownTests
{
    [Theory]
    [InlineData("role `shadow` is in the account", "role <code>shadow</code> is in the account")]
    [InlineData("`a` and `b`", "<code>a</code> and <code>b</code>")]
    [InlineData("tag `x<y` & `\"q\"`", "tag <code>x&lt;y</code> &amp; <code>&quot;q&quot;</code>")]
    [InlineData("a lone ` backtick", "a lone ` backtick")]
    [InlineData("``a ` b``", "<code>a ` b</code>")]
    [InlineData("`` `x` ``", "<code>`x`</code>")]
    [InlineData("<script>`</script>`", "&lt;script&gt;<code>&lt;/script&gt;</code>")]
    public void ToHtml_CodeSpans_BecomeCodeAndTheRestIsEncoded(string text, string html)
    {
        // Act
        var result = InlineMarkdown.ToHtml(text);

        // Assert
        Assert.Equal(html, result);
    }
}
