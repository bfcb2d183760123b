using System.Text;
using System.Text.Json;
using CsCheck;
using PolicyEngine.Conformance;
using PolicyEngine.Diagnostics;
using PolicyEngine.Parsing;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;
using TestSupport.Hostile;

namespace PolicyEngine.Tests.Syntax;

/// <summary>
/// Fuzzing of the engine's JSON readers with hostile bytes spliced into valid documents (issue 15): every reader
/// returns, a refusal says where, and what the check accepts reads without an exception.
/// </summary>
public sealed class HostileJsonPropertyTests
{
    private const int Iterations = 8_000;

    private static readonly (PolicyKind Kind, byte[] Valid)[] Policies =
    [
        .. HostileCorpus.BaseDocuments.Select(static d => (KindOf(d.Folder), Encoding.UTF8.GetBytes(d.Json))),
    ];

    private static readonly Gen<(PolicyKind Kind, byte[] Bytes)> HostilePolicy =
        Gen.OneOf(Policies.Select(static p => HostileJson.Around(p.Valid).Select(b => (p.Kind, b))).ToArray());

    [Fact]
    public void Validate_HostilePolicyOfEveryKind_ReturnsFindingsWithPlaces()
        => HostilePolicy.Sample(static input =>
        {
            // Act
            var report = PolicyValidator.Validate(input.Bytes, input.Kind);

            // Assert
            Assert.True(report.Document is not null || report.HasErrors, "a document not read says why");
            Assert.All(report.Findings, static f => Assert.True(f.Location.Line >= 1 && f.Location.Column >= 1, f.ToString()));
        }, iter: Iterations);

    [Fact]
    public void Check_AcceptedHostileText_ReadsEveryStringAndKeyWithoutThrowing()
        => HostilePolicy.Sample(static input =>
        {
            if (!JsonTextCheck.TryParse(input.Bytes, null, out var document, out var problem))
            {
                Assert.True(problem.Line >= 1 && problem.Column >= 1 && problem.Message.Length > 0, problem.ToString());
                return;
            }
            using (document)
            {
                ReadEverything(document.RootElement);
            }
        }, iter: Iterations);

    [Fact]
    public void Check_AgreesWithThePolicyReaderOnTheJsonLayer()
        => HostilePolicy.Sample(static input =>
        {
            // Arrange: the parser's own bounds, so that both judge the same text by the same rules
            var limits = ReaderLimits.Default;
            if (input.Bytes.Length > limits.MaxBytes)
            {
                return;
            }

            // Act
            var check = JsonTextCheck.Check(input.Bytes, new JsonTextRules(MaxDepth: limits.MaxDepth));
            var parsed = PolicyParser.Parse(input.Bytes, limits);

            // Assert
            var jsonLayer = parsed.Diagnostics.Where(static d => d.Code is DiagnosticCodes.InvalidJson or DiagnosticCodes.NestingTooDeep).ToList();
            Assert.True((check is null) == (jsonLayer.Count == 0), $"check: {check}; parser: {string.Join("; ", jsonLayer)}");
        }, iter: Iterations);

    [Fact]
    public void ConformanceCaseReader_HostileCase_ReturnsACaseOrAnError()
    {
        var valid = Encoding.UTF8.GetBytes("""
            {"id":"c1","request":{"principal":"arn:aws:iam::111122223333:user/a","action":"s3:GetObject","resource":"arn:aws:s3:::lake/k","context":{"aws:SourceIp":"10.0.0.1"}},"identityPolicies":[{"name":"p","document":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}}],"expected":"Allow"}
            """);
        Assert.NotNull(ConformanceCaseReader.Parse(Encoding.UTF8.GetString(valid)).Case);

        HostileJson.Around(valid).Sample(static bytes =>
        {
            var read = ConformanceCaseReader.Parse(Encoding.UTF8.GetString(bytes));

            Assert.True(read.Case is not null || read.Error is { Length: > 0 }, "a case not read says why");
        }, iter: Iterations);
    }

    [Fact]
    public void Parse_ValidEscapesInAString_StillParsesToTheEscapedText()
    {
        var validEscape = Gen.Frequency(
            (3, Gen.Char.Where(static c => !char.IsSurrogate(c)).Select(static c => (Escape: $"\\u{(int)c:x4}", Text: c.ToString()))),
            (1, Gen.Int[0x10000, 0x10FFFF].Select(static cp =>
            {
                var pair = char.ConvertFromUtf32(cp);
                return (Escape: $"\\u{(int)pair[0]:X4}\\u{(int)pair[1]:x4}", Text: pair);
            })),
            (1, Gen.OneOf<(string Escape, string Text)>(("\\n", "\n"), ("\\\"", "\""), ("\\\\", "\\"), ("\\/", "/"), ("\\t", "\t"))));
        validEscape.Array[1, 5].Sample(static escapes =>
        {
            var sid = string.Concat(escapes.Select(static e => e.Escape));
            var json = "{\"Statement\":{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";

            var result = PolicyParser.Parse(json);

            Assert.True(result.Success, json + "\n" + string.Join("\n", result.Diagnostics));
            Assert.Equal(string.Concat(escapes.Select(static e => e.Text)), Assert.Single(result.Value!.Statements).Sid);
        }, iter: Iterations);
    }

    private static void ReadEverything(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    ReadEverything(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    ReadEverything(item);
                }
                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            default:
                _ = element.GetRawText();
                break;
        }
    }

    private static PolicyKind KindOf(string folder) => folder switch
    {
        "resource" => PolicyKind.Resource,
        "trust" => PolicyKind.Trust,
        "boundary" => PolicyKind.Boundary,
        "guardrails/scp" => PolicyKind.Scp,
        "guardrails/rcp" => PolicyKind.Rcp,
        _ => PolicyKind.Identity,
    };
}
