using PolicyEngine.Catalog;

namespace PolicyEngine.Tests.Catalog;

public sealed class CatalogReaderTests
{
    private static byte[] EmbeddedBytes()
    {
        using Stream stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream(CatalogReader.ResourceName)!;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    [Fact]
    public void LoadEmbedded_CalledAgain_BuildsAnEqualFreshCatalogue()
    {
        // Act
        ActionCatalog fresh = CatalogReader.LoadEmbedded();

        // Assert
        Assert.NotSame(ActionCatalog.Default, fresh);
        Assert.Equal(ActionCatalog.Default.ActionCount, fresh.ActionCount);
        Assert.Equal(ActionCatalog.Default.ServiceCount, fresh.ServiceCount);
    }

    [Fact]
    public void Load_EmbeddedBytes_IsSmallAndComplete()
    {
        // Arrange
        byte[] bytes = EmbeddedBytes();

        // Act
        ActionCatalog catalog = CatalogReader.Load(bytes);

        // Assert
        Assert.True(bytes.Length <= 1_500_000, $"the resource should stay small; it is {bytes.Length} bytes");
        Assert.Equal(ActionCatalog.Default.ActionCount, catalog.ActionCount);
    }

    [Fact]
    public void Load_NotACatalogue_ThrowsInvalidData()
    {
        // Arrange
        byte[] bytes = "{\"not\":\"a catalogue\"}"u8.ToArray();

        // Act
        var error = Record.Exception(() => CatalogReader.Load(bytes));

        // Assert
        Assert.IsType<InvalidDataException>(error);
    }

    [Fact]
    public void Load_OtherFormatVersion_ThrowsInvalidData()
    {
        // Arrange
        byte[] bytes = EmbeddedBytes();
        bytes[4] = 99;

        // Act
        var error = Record.Exception(() => CatalogReader.Load(bytes));

        // Assert
        Assert.IsType<InvalidDataException>(error);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsInvalidData()
    {
        // Arrange
        byte[] bytes = EmbeddedBytes()[..^1000];

        // Act
        var error = Record.Exception(() => CatalogReader.Load(bytes));

        // Assert
        Assert.IsType<InvalidDataException>(error);
    }
}
