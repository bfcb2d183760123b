using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Core.Infrastructure.Data;

/// <summary>Stores a list of strings as a JSON array in one text column, the same on every provider.</summary>
internal static class StringListConverter
{
    public static readonly ValueConverter<IReadOnlyList<string>, string> Converter = new(
        static v => Serialize(v),
        static s => Deserialize(s));

    public static readonly ValueComparer<IReadOnlyList<string>> Comparer = new(
        static (a, b) => a!.SequenceEqual(b!),
        static v => v.Aggregate(0, static (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        static v => v.ToArray());

    private static string Serialize(IReadOnlyList<string> value) => JsonSerializer.Serialize(value);

    private static string[] Deserialize(string text) => JsonSerializer.Deserialize<string[]>(text) ?? [];
}
