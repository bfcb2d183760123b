using System.Globalization;

namespace PolicyEngine.Validation;

/// <summary>Recognises IPv4 and IPv6 addresses and CIDR ranges as IAM's IpAddress operator takes them.</summary>
/// <remarks>Written here rather than with System.Net so that PolicyEngine keeps no networking dependency.</remarks>
internal static class IpAddressText
{
    public static bool IsAddressOrRange(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? text : text[..slash];
        var isV4 = IsV4(address);
        if (!isV4 && !IsV6(address))
        {
            return false;
        }
        if (slash < 0)
        {
            return true;
        }
        var prefix = text[(slash + 1)..];
        return prefix.Length is > 0 and <= 3
            && prefix.All(char.IsAsciiDigit)
            && int.Parse(prefix, NumberStyles.None, CultureInfo.InvariantCulture) <= (isV4 ? 32 : 128);
    }

    private static bool IsV4(string text)
    {
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(static p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit)
            && int.Parse(p, NumberStyles.None, CultureInfo.InvariantCulture) <= 255);
    }

    private static bool IsV6(string text)
    {
        if (text.Length < 2 || text.Length > 45)
        {
            return false;
        }
        var doubleColon = text.IndexOf("::", StringComparison.Ordinal);
        if (doubleColon >= 0 && text.IndexOf("::", doubleColon + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }
        var groups = 0;
        var pieces = doubleColon >= 0
            ? [.. Pieces(text[..doubleColon]), .. Pieces(text[(doubleColon + 2)..])]
            : Pieces(text);
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = pieces[i];
            if (i == pieces.Length - 1 && piece.Contains('.', StringComparison.Ordinal))
            {
                // An embedded IPv4 address such as ::ffff:192.0.2.1 fills two groups.
                if (!IsV4(piece))
                {
                    return false;
                }
                groups += 2;
                continue;
            }
            if (piece.Length is 0 or > 4 || !piece.All(char.IsAsciiHexDigit))
            {
                return false;
            }
            groups++;
        }
        return doubleColon >= 0 ? groups < 8 : groups == 8;
    }

    private static string[] Pieces(string text) => text.Length == 0 ? [] : text.Split(':');
}
