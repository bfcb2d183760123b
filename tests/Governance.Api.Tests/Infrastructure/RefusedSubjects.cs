namespace Governance.Api.Tests.Infrastructure;

/// <summary>Token subjects the service must refuse with 401, each with the reason the refusal names.</summary>
internal static class RefusedSubjects
{
    /// <summary>A forged log line, to look for in the logs after the newline subject.</summary>
    public const string ForgedLine = "info: Governance.Api[1002] Access request approved by admin";

    /// <summary>The cases by name: xunit shows the name, not a 300-character subject.</summary>
    public static readonly IReadOnlyDictionary<string, (string? Subject, string Refusal)> Cases = new Dictionary<string, (string?, string)>
    {
        ["no sub"] = (null, "is missing"),
        ["empty"] = ("", "is empty"),
        ["newline"] = ($"alice\n{ForgedLine}", "U+000A"),
        ["carriage return"] = ("alice\r", "U+000D"),
        ["bidi override"] = ("alice\u202Eeci", "U+202E"),
        ["system actor"] = ("system:approval-rules", "`system:`"),
        ["system prefix, other case"] = ("SYSTEM:expiry", "`system:`"),
        ["oversized"] = (new string('a', 257), "longer than 256"),
        ["trailing space"] = ("alice ", "space"),
    };

    public static TheoryData<string> Names() => [.. Cases.Keys];
}
