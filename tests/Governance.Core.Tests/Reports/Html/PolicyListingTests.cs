using Governance.Core.Reports.Html;
using Governance.Core.Risk;
using PolicyEngine.Evaluation;

namespace Governance.Core.Tests.Reports.Html;

public sealed class PolicyListingTests
{
    /// <summary>A document as a snapshot file holds it: its lines after the first keep the file's indentation.</summary>
    private const string Nested = """
        {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "First",
                  "Effect": "Allow",
                  "Action": "s3:GetObject",
                  "Resource": "*"
                },
                {
                  "Sid": "Second",
                  "Effect": "Allow",
                  "Action": ["iam:PassRole", "lambda:CreateFunction"],
                  "Resource": "*",
                  "Condition": {"StringEquals": {"aws:RequestedRegion": "eu-west-1 }"}}
                }
              ]
            }
        """;

    [Fact]
    public void Of_StatementBySid_MarksFromItsBraceToTheBraceThatClosesIt()
    {
        // Arrange
        var evidence = new FindingEvidence("arn:aws:iam::111122223333:role/r", "inline", "Second", 10, PolicyType.Identity);

        // Act
        var listing = PolicyListing.Of(Nested, evidence);
        var html = listing.Html(1, listing.Length);

        // Assert: a brace inside a string does not close the statement; the file's indentation is gone
        Assert.Equal((10, 16, 18), (listing.First, listing.Last, listing.Length));
        Assert.Contains("<span class=\"ln\" data-n=\"11\"><mark>      &quot;Sid&quot;: &quot;Second&quot;,</mark></span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ln\" data-n=\"9\"><span>    },</span></span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ln\" data-n=\"18\"><span>}</span></span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_OneLineDocument_IsIndentedAndItsStatementMarked()
    {
        // Arrange
        const string oneLine = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}""";
        var evidence = new FindingEvidence("arn:aws:iam::111122223333:role/r", "inline", "Statement[1]", 1, PolicyType.Identity);

        // Act
        var listing = PolicyListing.Of(oneLine, evidence);
        var html = listing.Html(listing.First, listing.Last);

        // Assert
        Assert.Equal((9, 13, 15), (listing.First, listing.Last, listing.Length));
        Assert.Contains("<span class=\"ln\" data-n=\"10\"><mark>      &quot;Effect&quot;: &quot;Deny&quot;,</mark></span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-n=\"8\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_StatementNotInTheDocument_MarksNothing()
    {
        // Arrange
        var evidence = new FindingEvidence("arn:aws:iam::111122223333:role/r", "inline", "Elsewhere", 4, PolicyType.Identity);

        // Act
        var listing = PolicyListing.Of(Nested, evidence);

        // Assert
        Assert.Equal(0, listing.First);
        Assert.DoesNotContain("<mark>", listing.Html(1, listing.Length), StringComparison.Ordinal);
    }
}
