using System.Reflection;

namespace Governance.Api.Console;

/// <summary>The console's one style sheet, compiled into the service so that no static-file folder has to travel with it.</summary>
internal static class ConsoleStyleSheet
{
    /// <summary>Where the pages link it.</summary>
    public const string Path = "/console.css";

    private static readonly byte[] Content = Read();

    public static IResult Serve() => Results.Bytes(Content, "text/css; charset=utf-8");

    private static byte[] Read()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Governance.Api.Console.console.css")
            ?? throw new InvalidOperationException("the console's style sheet is not embedded in the assembly");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
