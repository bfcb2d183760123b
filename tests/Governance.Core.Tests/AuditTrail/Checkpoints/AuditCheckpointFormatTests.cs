using System.Text;
using Governance.Core.AuditTrail.Checkpoints;

namespace Governance.Core.Tests.AuditTrail.Checkpoints;

public sealed class AuditCheckpointFormatTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 11, 0, 0, TimeSpan.Zero);
    private readonly EphemeralSigner _signer = new();

    public void Dispose() => _signer.Dispose();

    private Task<AuditCheckpoint> SignedAsync(string? previous = "cHJldmlvdXM+Lw==")
        => AuditCheckpoint.SignAsync(_signer, 101, [new string('a', 64), new string('b', 64), new string('c', 64)], previous, At, CancellationToken.None);

    [Fact]
    public async Task Parse_WrittenFile_RoundTripsAndItsSignatureVerifies()
    {
        // Arrange
        var checkpoint = await SignedAsync();

        // Act
        var (parsed, error) = AuditCheckpointFormat.Parse(AuditCheckpointFormat.FileBytes(checkpoint));

        // Assert
        Assert.Null(error);
        Assert.Equal(AuditCheckpointFormat.SignedBytes(checkpoint), AuditCheckpointFormat.SignedBytes(parsed!));
        Assert.Equal((101, 103, new string('c', 64), "cHJldmlvdXM+Lw==", checkpoint.Signature), (parsed!.From, parsed.To, parsed.HeadHash, parsed.PreviousSignature, parsed.Signature));
        Assert.Equal(At, parsed.CreatedAt);
        Assert.True(_signer.PublicKey.Verify(AuditCheckpointFormat.SignedBytes(parsed), parsed.Signature));
    }

    [Fact]
    public async Task SignedBytes_FieldsInTheDocumentedOrder_WithoutTheSignature()
    {
        // Arrange
        var checkpoint = await SignedAsync(previous: null);

        // Act
        var text = Encoding.UTF8.GetString(AuditCheckpointFormat.SignedBytes(checkpoint));

        // Assert: what an auditor rebuilds in another language
        Assert.Equal(
            $$"""{"version":1,"algorithm":"ECDSA-P256-SHA256","keyId":"{{_signer.PublicKey.KeyId}}","from":101,"to":103,"createdAt":"2026-12-04T11:00:00.000000Z","headHash":"{{new string('c', 64)}}","previousSignature":null,"eventHashes":["{{new string('a', 64)}}","{{new string('b', 64)}}","{{new string('c', 64)}}"]}""",
            text);
    }

    [Fact]
    public async Task Verify_AnyOneBitFlippedInTheSignedBytes_Fails()
    {
        // Arrange
        var checkpoint = await SignedAsync();
        var signed = AuditCheckpointFormat.SignedBytes(checkpoint);

        // Act
        var accepted = Enumerable.Range(0, signed.Length * 8).Where(bit =>
        {
            var flipped = (byte[])signed.Clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            return _signer.PublicKey.Verify(flipped, checkpoint.Signature);
        }).ToList();

        // Assert
        Assert.True(_signer.PublicKey.Verify(signed, checkpoint.Signature));
        Assert.Empty(accepted);
    }

    [Fact]
    public async Task Verify_OneBitFlippedInTheSignature_Fails()
    {
        // Arrange
        var checkpoint = await SignedAsync();
        var signature = Convert.FromBase64String(checkpoint.Signature);
        signature[7] ^= 0x01;

        // Act
        var valid = _signer.PublicKey.Verify(AuditCheckpointFormat.SignedBytes(checkpoint), Convert.ToBase64String(signature));

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData("""{"version":2}""", "version")]
    [InlineData("""[]""", "object")]
    [InlineData("""{"version":1,"algorithm":"ECDSA-P256-SHA256","from":3,"to":2}""", "from <= to")]
    [InlineData("""{"version":1,"algorithm":"ECDSA-P256-SHA256","from":1,"to":2,"eventHashes":["a"]}""", "one hash for each event")]
    [InlineData("""{"version":1,"algorithm":"ECDSA-P256-SHA256","from":1,"to":1,"eventHashes":["a"],"headHash":"b"}""", "headHash")]
    [InlineData("not json", "not JSON")]
    public void Parse_Malformed_SaysWhy(string text, string expected)
    {
        // Act
        var (checkpoint, error) = AuditCheckpointFormat.Parse(Encoding.UTF8.GetBytes(text));

        // Assert
        Assert.Null(checkpoint);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPem_PublicKeyPem_HasTheSameKeyId()
    {
        // Act
        var (key, error) = AuditPublicKey.FromPem(_signer.PublicKey.Pem);

        // Assert
        Assert.Null(error);
        Assert.Equal(_signer.PublicKey.KeyId, key!.KeyId);
    }

    [Fact]
    public void FromPem_NotAKey_SaysSo()
    {
        // Act
        var (key, error) = AuditPublicKey.FromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");

        // Assert
        Assert.Null(key);
        Assert.NotNull(error);
    }
}
