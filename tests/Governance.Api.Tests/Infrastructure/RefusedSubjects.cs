using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

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

    /// <summary>401 with the bearer challenge naming the reason, and a problem with the stable code.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string refusal)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
        Assert.Contains(refusal, challenge.Parameter, StringComparison.Ordinal);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("token-subject-invalid", body.GetProperty("code").GetString());
        Assert.Contains(refusal, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
