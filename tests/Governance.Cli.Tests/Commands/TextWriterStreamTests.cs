using System.Text;
using CsCheck;
using Governance.Cli.Output;

namespace Governance.Cli.Tests.Commands;

/// <summary>The stream that hands a streamed report to a text writer: characters split across writes arrive whole.</summary>
public sealed class TextWriterStreamTests
{
    [Fact]
    public void Write_AnyTextInAnyPieces_ArrivesUnchanged()
    {
        // Arrange: text with two-, three- and four-byte characters, cut at arbitrary byte positions.
        var text = Gen.OneOf(Gen.Char['a', 'z'], Gen.Const('é'), Gen.Const('→'), Gen.Const('✓')).Array[0, 200]
            .Select(static c => new string(c))
            .SelectMany(static s => Gen.Int[0, 3].Select(n => s + string.Concat(Enumerable.Repeat("😀", n))));

        // Act / Assert
        Gen.Select(text, Gen.Int[1, 7]).Sample((value, piece) =>
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            using var writer = new StringWriter();
            using (var stream = new TextWriterStream(writer))
            {
                for (var at = 0; at < bytes.Length; at += piece)
                {
                    stream.Write(bytes, at, Math.Min(piece, bytes.Length - at));
                }
            }
            return writer.ToString() == value;
        });
    }
}
