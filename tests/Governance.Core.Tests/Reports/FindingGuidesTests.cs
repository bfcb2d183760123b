using Governance.Core.Reports;
using Governance.Core.Risk;

namespace Governance.Core.Tests.Reports;

public sealed class FindingGuidesTests
{
    [Fact]
    public void For_EveryCategory_SaysWhyAndHowAndLinksAwsDocumentation()
    {
        foreach (var category in Enum.GetValues<FindingCategory>())
        {
            // Act
            var guide = FindingGuides.For(category);

            // Assert
            Assert.False(string.IsNullOrWhiteSpace(guide.Why), $"{category}: why");
            Assert.False(string.IsNullOrWhiteSpace(guide.Fix), $"{category}: fix");
            Assert.NotEmpty(guide.Documentation);
            Assert.All(guide.Documentation, static d => Assert.StartsWith("https://docs.aws.amazon.com/", d.Url, StringComparison.Ordinal));
        }
    }
}
