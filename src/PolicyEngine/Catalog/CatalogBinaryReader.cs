using System.Runtime.CompilerServices;
using System.Text;

namespace PolicyEngine.Catalog;

/// <summary>Reads the primitives of the catalogue format: bytes, LEB128 varints and string-table references.</summary>
internal ref struct CatalogBinaryReader
{
    private readonly ReadOnlySpan<byte> _data;
    private string[] _strings;
    private int _position;

    public CatalogBinaryReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _strings = [];
        _position = 0;
    }

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool AtEnd => _position == _data.Length;

    /// <summary>Reads the string table that every later <see cref="ReadString"/> refers to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ReadStringTable()
    {
        int count = ReadCount();
        var strings = new string[count];
        for (int i = 0; i < count; i++)
        {
            int length = ReadCount();
            strings[i] = Encoding.UTF8.GetString(Take(length));
        }

        _strings = strings;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte() => Take(1)[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadVarint()
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            byte b = ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("catalogue varint is too long");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadCount()
    {
        ulong value = ReadVarint();
        return value <= int.MaxValue ? (int)value : throw new InvalidDataException("catalogue count is out of range");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public string ReadString()
    {
        int index = ReadCount();
        return index < _strings.Length ? _strings[index] : throw new InvalidDataException("catalogue string index is out of range");
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _data.Length - _position)
        {
            throw new InvalidDataException("catalogue ends early");
        }

        ReadOnlySpan<byte> slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }
}
