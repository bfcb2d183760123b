using Governance.Core.Reports.Html;

namespace Governance.Core.Tests.Reports.Html;

public sealed class ReportFiltersTests
{
    [Fact]
    public void Row_Values_AreTokensNeverTheValuesThemselves()
    {
        // Arrange
        var filters = new ReportFilters()
            .Add("sev", "Severity", [("High", "High"), ("Low", "Low")], buttons: true)
            .Add("who", "Principal", [("arn:\"]{}<script>", "odd"), ("arn:b", "b")]);

        // Act
        var row = filters.Row("finding", ("sev", "Low"), ("who", "arn:\"]{}<script>"));
        var css = filters.Css();

        // Assert
        Assert.Equal(" class=\"f-row finding\" data-f-sev=\"t1\" data-f-who=\"t0\"", row);
        Assert.Contains("body:has(#f-sev-1:checked) .f-row:not([data-f-sev=\"t1\"]){display:none}", css, StringComparison.Ordinal);
        Assert.Contains("body:has(#f-who-0:checked) .f-row:not([data-f-who=\"t0\"]){display:none}", css, StringComparison.Ordinal);
        Assert.DoesNotContain("arn:", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Form_ButtonsAndSelects_EachWithAnAllChoiceChecked()
    {
        // Arrange
        var filters = new ReportFilters()
            .Add("sev", "Severity", [("High", "High (2)")], buttons: true)
            .Add("acct", "Account", [("111122223333", "111122223333")]);

        // Act
        var form = filters.Form("Filter the findings");

        // Assert
        Assert.Contains("<fieldset class=\"buttons\"><legend>Severity</legend><input type=\"radio\" name=\"f-sev\" id=\"f-sev-all\" checked><label for=\"f-sev-all\">All</label>"
            + "<input type=\"radio\" name=\"f-sev\" id=\"f-sev-0\"><label for=\"f-sev-0\">High (2)</label></fieldset>", form, StringComparison.Ordinal);
        Assert.Contains("<label>Account <select id=\"f-acct\"><option id=\"f-acct-all\" selected>All</option><option id=\"f-acct-0\">111122223333</option></select></label>", form, StringComparison.Ordinal);
        Assert.Contains("<div class=\"search\" hidden>", form, StringComparison.Ordinal);
        Assert.Contains("<button type=\"reset\">", form, StringComparison.Ordinal);
    }
}
