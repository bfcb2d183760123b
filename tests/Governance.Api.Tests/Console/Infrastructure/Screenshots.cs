using Microsoft.Playwright;
using TestSupport.Paths;

namespace Governance.Api.Tests.Console.Infrastructure;

/// <summary>
/// Screenshots of the console's pages, kept as CI artefacts in <c>TestResults/screenshots/</c> at the repository's root
/// (ignored by git): one at a laptop's size and one at a phone's for every page a browser test visits.
/// </summary>
internal static class Screenshots
{
    /// <summary>The folder; <c>IAMGOV_SCREENSHOTS</c> moves it.</summary>
    public static string Folder { get; } = Environment.GetEnvironmentVariable("IAMGOV_SCREENSHOTS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");

    /// <summary>A laptop screen.</summary>
    public static readonly ViewportSize Laptop = new() { Width = 1366, Height = 768 };

    /// <summary>A phone held upright.</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Saves the whole page as <c>NAME.png</c> at the laptop size and <c>NAME.phone.png</c> at the phone's, and returns the first path.</summary>
    public static async Task<string> TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var size = page.ViewportSize is { } current ? new ViewportSize { Width = current.Width, Height = current.Height } : Laptop;
        var laptop = Path.Combine(Folder, $"{name}.png");
        await page.SetViewportSizeAsync(Laptop.Width, Laptop.Height);
        await page.ScreenshotAsync(new() { Path = laptop, FullPage = true });
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}.phone.png"), FullPage = true });
        // A phone-sized page that scrolls sideways is one a person cannot use on a phone.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");
        await page.SetViewportSizeAsync(size.Width, size.Height);
        Assert.False(overflow, $"{name}: at {Phone.Width} px wide the page scrolls sideways");
        return laptop;
    }
}
