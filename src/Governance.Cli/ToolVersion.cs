using System.Reflection;

namespace Governance.Cli;

/// <summary>iamgov's version as the package states it (<c>0.1.0</c>), for what the tool writes about itself: SARIF's driver, a backup's manifest.</summary>
internal static class ToolVersion
{
    /// <summary>The informational version without the source revision the SDK appends after <c>+</c>.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        var assembly = typeof(ToolVersion).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    }
}
