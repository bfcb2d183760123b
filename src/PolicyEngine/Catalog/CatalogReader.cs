using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PolicyEngine.Catalog;

/// <summary>Loads the catalogue that <c>tools/catalog/generate.mjs</c> writes and PolicyEngine embeds.</summary>
/// <remarks>
/// Layout: the ASCII magic <c>IAMC</c>, a format-version byte, the uncompressed length (UInt32, little-endian),
/// then a Brotli stream. Uncompressed: a string table (count, then length-prefixed UTF-8), the data version,
/// the data date (Unix milliseconds), the global condition keys, then each service with its condition keys,
/// resource types and actions. Integers are LEB128 varints; strings are indexes into the table; condition keys and
/// resource types of a service are referred to by their index in that service's tables.
/// A missing or damaged resource is a build defect, so it throws rather than returning an error value.
/// The reading methods skip tiered compilation: each runs once per process, so tier 0 would never be left,
/// and unoptimized code made loading several times slower.
/// </remarks>
internal static class CatalogReader
{
    internal const string ResourceName = "PolicyEngine.Catalog.catalog.bin";
    private const int FormatVersion = 1;
    private const int HeaderLength = 9;

    /// <summary>Loads the catalogue embedded in this assembly.</summary>
    public static ActionCatalog LoadEmbedded()
    {
        using Stream stream = typeof(CatalogReader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource `{ResourceName}` is missing");
        var file = new byte[stream.Length];
        stream.ReadExactly(file);
        return Load(file);
    }

    /// <summary>Loads a catalogue from the bytes of a catalogue file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ActionCatalog Load(ReadOnlySpan<byte> file)
    {
        if (file.Length < HeaderLength || !file[..4].SequenceEqual("IAMC"u8))
        {
            throw new InvalidDataException("not a catalogue file");
        }

        if (file[4] != FormatVersion)
        {
            throw new InvalidDataException($"catalogue format {file[4]} is not the supported format {FormatVersion}");
        }

        int rawLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(file[5..HeaderLength]));
        var raw = new byte[rawLength];
        if (!BrotliDecoder.TryDecompress(file[HeaderLength..], raw, out int written) || written != rawLength)
        {
            throw new InvalidDataException("catalogue does not decompress");
        }

        var reader = new CatalogBinaryReader(raw);
        reader.ReadStringTable();
        string version = reader.ReadString();
        var updatedAt = DateTimeOffset.FromUnixTimeMilliseconds(checked((long)reader.ReadVarint()));

        var globals = new ConditionKeyInfo[reader.ReadCount()];
        for (int i = 0; i < globals.Length; i++)
        {
            globals[i] = ReadConditionKey(ref reader);
        }

        var services = new ServiceInfo[reader.ReadCount()];
        for (int i = 0; i < services.Length; i++)
        {
            services[i] = ReadService(ref reader);
        }

        if (!reader.AtEnd)
        {
            throw new InvalidDataException("catalogue has trailing data");
        }

        return new ActionCatalog(version, updatedAt, AsImmutable(globals), AsImmutable(services));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ServiceInfo ReadService(ref CatalogBinaryReader reader)
    {
        string prefix = reader.ReadString();
        string name = reader.ReadString();
        bool supportsRcp = reader.ReadByte() != 0;

        var keys = new ConditionKeyInfo[reader.ReadCount()];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ReadConditionKey(ref reader);
        }

        var resourceTypes = new ResourceTypeInfo[reader.ReadCount()];
        for (int i = 0; i < resourceTypes.Length; i++)
        {
            string typeName = reader.ReadString();
            string arnFormat = reader.ReadString();
            resourceTypes[i] = new ResourceTypeInfo(typeName, arnFormat, ReadKeyRefs(ref reader, keys));
        }

        var actions = new ActionInfo[reader.ReadCount()];
        for (int i = 0; i < actions.Length; i++)
        {
            string actionName = reader.ReadString();
            var level = (AccessLevel)reader.ReadByte();
            if (!Enum.IsDefined(level))
            {
                throw new InvalidDataException($"catalogue access level {(int)level} is unknown");
            }

            int resourceCount = reader.ReadCount();
            var resources = resourceCount == 0 ? [] : new ActionResourceInfo[resourceCount];
            for (int r = 0; r < resourceCount; r++)
            {
                ResourceTypeInfo type = resourceTypes[reader.ReadCount()];
                bool required = reader.ReadByte() != 0;
                ImmutableArray<ConditionKeyInfo> resourceKeys = ReadKeyRefs(ref reader, keys);
                resources[r] = new ActionResourceInfo(type, required, resourceKeys, ReadStrings(ref reader));
            }

            ImmutableArray<ConditionKeyInfo> actionKeys = ReadKeyRefs(ref reader, keys);
            actions[i] = new ActionInfo(prefix, actionName, level, AsImmutable(resources), actionKeys, ReadStrings(ref reader));
        }

        return new ServiceInfo(prefix, name, supportsRcp, AsImmutable(actions), AsImmutable(resourceTypes), AsImmutable(keys));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ConditionKeyInfo ReadConditionKey(ref CatalogBinaryReader reader)
    {
        string key = reader.ReadString();
        var type = (ConditionKeyType)reader.ReadByte();
        if (!Enum.IsDefined(type))
        {
            throw new InvalidDataException($"catalogue condition key type {(int)type} is unknown");
        }

        string description = reader.ReadString();
        return new ConditionKeyInfo(key, type, description.Length == 0 ? null : description);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<ConditionKeyInfo> ReadKeyRefs(ref CatalogBinaryReader reader, ConditionKeyInfo[] keys)
    {
        int count = reader.ReadCount();
        if (count == 0)
        {
            return [];
        }

        var result = new ConditionKeyInfo[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = keys[reader.ReadCount()];
        }

        return AsImmutable(result);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ImmutableArray<string> ReadStrings(ref CatalogBinaryReader reader)
    {
        int count = reader.ReadCount();
        if (count == 0)
        {
            return [];
        }

        var result = new string[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = reader.ReadString();
        }

        return AsImmutable(result);
    }

    // The arrays are fresh and never written again, so wrapping them without a copy keeps them immutable.
    private static ImmutableArray<T> AsImmutable<T>(T[] array) => ImmutableCollectionsMarshal.AsImmutableArray(array);
}
