using System.Collections.Immutable;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation.Conditions;

/// <summary>
/// IpAddress and NotIpAddress
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress).
/// </summary>
/// <remarks>
/// <para>Policy values are IPv4 or IPv6 CIDR blocks (RFC 4632, RFC 4291); a bare address is a /32 or /128. Bits past the
/// prefix are ignored. Both families live in one 128-bit space with IPv4 as IPv4-mapped IPv6 (<c>::ffff:a.b.c.d</c>),
/// so a mapped request address matches an IPv4 block and an IPv4 block <c>/n</c> is <c>/(96+n)</c>.</para>
/// <para>Parsing is hand-written so that evaluation allocates nothing and the engine needs no <c>System.Net</c>.
/// A policy value that is not a CIDR makes the clause never match; a request value that is not an address makes it
/// undecidable, so neither IpAddress nor NotIpAddress holds.</para>
/// </remarks>
internal static class IpAddressOperators
{
    private static readonly UInt128 MappedPrefix = (UInt128)0xFFFF << 32;

    /// <summary>Compiles the policy CIDRs; null when one does not parse.</summary>
    public static ValueMatcher? Create(ImmutableArray<LocatedString> values)
    {
        var networks = new UInt128[values.Length];
        var masks = new UInt128[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (!TryParse(values[i].Value, out networks[i], out masks[i]))
            {
                return null;
            }
        }
        return new Matcher(networks, masks);
    }

    /// <summary>Reads an IpAddress policy value, <c>address[/prefix]</c>, into a network and mask in the 128-bit space.</summary>
    /// <remarks>
    /// <para>AWS: "The value must be in the standard CIDR format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64).
    /// If you specify an IP address without the associated routing prefix, IAM uses the default prefix value of /32"
    /// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress).
    /// So: an IPv4 dotted quad of four decimal octets 0–255 (RFC 4632), or an IPv6 address in an RFC 4291 §2.2 text form
    /// (hex groups of one to four digits in either case, at most one <c>::</c>, a trailing dotted quad allowed); then
    /// optionally <c>/</c> and a decimal prefix length of at most 32 (IPv4) or 128 (IPv6). A bare IPv6 address is a /128,
    /// the IPv6 reading of the documented default. Bits past the prefix are ignored, as a CIDR block's are.</para>
    /// <para>Not addresses: spaces, zone indices (<c>fe80::1%eth0</c>), non-ASCII digits, and policy variables, which the
    /// page says cannot be used with IpAddress. The page is silent on leading zeros; an octet such as <c>010</c> is read
    /// as decimal, as it has been.</para>
    /// </remarks>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 network, out UInt128 mask)
    {
        network = mask = UInt128.Zero;
        var slash = text.IndexOf('/');
        var addressText = slash < 0 ? text : text[..slash];
        if (!TryParseAddress(addressText, out var address, out var isV4))
        {
            return false;
        }
        var maxPrefix = isV4 ? 32 : 128;
        var prefix = maxPrefix;
        if (slash >= 0)
        {
            var prefixText = text[(slash + 1)..];
            if (prefixText.IsEmpty || prefixText.Length > 3 || !AllDigits(prefixText))
            {
                return false;
            }
            prefix = int.Parse(prefixText, provider: System.Globalization.CultureInfo.InvariantCulture);
            if (prefix > maxPrefix)
            {
                return false;
            }
        }
        var bits = isV4 ? prefix + 96 : prefix;
        mask = bits == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - bits);
        network = address & mask;
        return true;
    }

    /// <summary>Reads a request's IPv4 (dotted quad) or IPv6 (RFC 4291 text form) address; a policy's goes through <see cref="TryParse"/>.</summary>
    private static bool TryParseAddress(ReadOnlySpan<char> text, out UInt128 address, out bool isV4)
    {
        address = UInt128.Zero;
        isV4 = text.IndexOf(':') < 0;
        if (isV4)
        {
            if (!TryParseV4(text, out var v4))
            {
                return false;
            }
            address = MappedPrefix | v4;
            return true;
        }
        return TryParseV6(text, out address);
    }

    private static bool TryParseV4(ReadOnlySpan<char> text, out uint value)
    {
        value = 0;
        var parts = 0;
        while (true)
        {
            var dot = text.IndexOf('.');
            var part = dot < 0 ? text : text[..dot];
            if (part.IsEmpty || part.Length > 3 || !AllDigits(part))
            {
                return false;
            }
            var octet = 0;
            foreach (var c in part)
            {
                octet = (octet * 10) + (c - '0');
            }
            if (octet > 255)
            {
                return false;
            }
            value = (value << 8) | (uint)octet;
            parts++;
            if (dot < 0)
            {
                return parts == 4;
            }
            if (parts == 4)
            {
                return false;
            }
            text = text[(dot + 1)..];
        }
    }

    private static bool TryParseV6(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = UInt128.Zero;
        Span<ushort> head = stackalloc ushort[8];
        Span<ushort> tail = stackalloc ushort[8];
        int headCount = 0, tailCount = 0;
        var compressed = false;
        var doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0)
        {
            if (text[(doubleColon + 2)..].Contains("::", StringComparison.Ordinal))
            {
                return false;
            }
            compressed = true;
            if (!TryParseGroups(text[..doubleColon], head, ref headCount, allowV4: false)
                || !TryParseGroups(text[(doubleColon + 2)..], tail, ref tailCount, allowV4: true))
            {
                return false;
            }
        }
        else if (!TryParseGroups(text, head, ref headCount, allowV4: true))
        {
            return false;
        }
        var total = headCount + tailCount;
        if (compressed ? total > 7 : total != 8)
        {
            return false;
        }
        for (var i = 0; i < headCount; i++)
        {
            address |= (UInt128)head[i] << (16 * (7 - i));
        }
        for (var i = 0; i < tailCount; i++)
        {
            address |= (UInt128)tail[i] << (16 * (tailCount - 1 - i));
        }
        return true;
    }

    /// <summary>Reads colon-separated hex groups (an empty span is zero groups); the last may be a dotted quad.</summary>
    private static bool TryParseGroups(ReadOnlySpan<char> text, Span<ushort> groups, ref int count, bool allowV4)
    {
        if (text.IsEmpty)
        {
            return true;
        }
        while (true)
        {
            var colon = text.IndexOf(':');
            var part = colon < 0 ? text : text[..colon];
            if (colon < 0 && allowV4 && part.Contains('.'))
            {
                if (count > 6 || !TryParseV4(part, out var v4))
                {
                    return false;
                }
                groups[count++] = (ushort)(v4 >> 16);
                groups[count++] = (ushort)(v4 & 0xFFFF);
                return true;
            }
            if (part.IsEmpty || part.Length > 4 || count == 8)
            {
                return false;
            }
            var group = 0;
            foreach (var c in part)
            {
                var digit = char.IsAsciiDigit(c) ? c - '0'
                    : c is >= 'a' and <= 'f' ? c - 'a' + 10
                    : c is >= 'A' and <= 'F' ? c - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    return false;
                }
                group = (group << 4) | digit;
            }
            groups[count++] = (ushort)group;
            if (colon < 0)
            {
                return true;
            }
            text = text[(colon + 1)..];
        }
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }

    private sealed class Matcher(UInt128[] networks, UInt128[] masks) : ValueMatcher
    {
        public override ValueMatch Match(string requestValue, RequestContext context, ref string? missingVariableKey)
        {
            if (!TryParseAddress(requestValue, out var address, out _))
            {
                return ValueMatch.Undecidable;
            }
            for (var i = 0; i < networks.Length; i++)
            {
                if ((address & masks[i]) == networks[i])
                {
                    return ValueMatch.Match;
                }
            }
            return ValueMatch.NoMatch;
        }
    }
}
