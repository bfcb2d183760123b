using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Core.Infrastructure.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks: lossless, and it sorts and compares in SQL.</summary>
/// <remarks>EF Core's own DateTimeOffsetToBinaryConverter drops sub-millisecond digits, which would break audit hashes.</remarks>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    static d => d.UtcTicks,
    static t => new DateTimeOffset(t, TimeSpan.Zero));
