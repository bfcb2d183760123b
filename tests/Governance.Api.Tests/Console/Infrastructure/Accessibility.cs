using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>axe-core's WCAG 2.1 A and AA rules on a page: no serious or critical violation may remain.</summary>
internal static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } };
        var result = await page.RunAxe(options);
        var serious = result.Violations.Where(static v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, $"{name}: axe-core found {serious.Length} serious or critical violations: "
            + string.Join("; ", serious.Select(static v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(static n => n.Target?.ToString()))}")));
    }
}
