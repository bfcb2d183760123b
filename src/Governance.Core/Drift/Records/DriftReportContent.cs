using System.IO.Compression;
using System.Text;

namespace Governance.Core.Drift.Records;

/// <summary>
/// The form of a report's JSON in <c>drift_reports.content</c>: gzip in base64 behind <see cref="GzipPrefix"/>, or, in rows
/// written before compression, the JSON itself. The marker keeps both in the one text column, so no migration is needed
/// and an old row still reads; JSON always starts with <c>{</c>, so the two cannot be confused.
/// </summary>
public static class DriftReportContent
{
    /// <summary>The marker in front of compressed content.</summary>
    public const string GzipPrefix = "gz:";

    /// <summary>
    /// The most characters a compressed row may expand to: 256 Mi, about three times the largest report measured (88 MB
    /// of JSON at 5,000 roles). Someone who can write to the database could otherwise store a few kilobytes of gzip that
    /// expand until the service runs out of memory.
    /// </summary>
    public const int MaxExpandedChars = 256 * 1024 * 1024;

    /// <summary>Whether <paramref name="stored"/> is already compressed.</summary>
    public static bool IsCompressed(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return stored.StartsWith(GzipPrefix, StringComparison.Ordinal);
    }

    /// <summary>The stored form of <paramref name="json"/>: compressed, marked.</summary>
    public static string Compress(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }
        return GzipPrefix + Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The JSON <paramref name="stored"/> holds, compressed or not.</summary>
    /// <exception cref="InvalidDataException">The compressed content is not valid gzip in base64, or expands beyond <see cref="MaxExpandedChars"/>.</exception>
    public static string Expand(string stored) => Expand(stored, MaxExpandedChars);

    /// <summary>The JSON <paramref name="stored"/> holds, refusing compressed content that expands beyond <paramref name="maxChars"/>.</summary>
    /// <exception cref="InvalidDataException">The compressed content is not valid gzip in base64, or expands beyond <paramref name="maxChars"/>.</exception>
    public static string Expand(string stored, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsCompressed(stored))
        {
            return stored;
        }
        try
        {
            using var gzip = new GZipStream(new MemoryStream(Convert.FromBase64String(stored[GzipPrefix.Length..])), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip, Encoding.UTF8);
            var text = new StringBuilder();
            var buffer = new char[81920];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + read > maxChars)
                {
                    throw new InvalidDataException($"drift_reports.content: compressed content expands beyond {maxChars} characters");
                }
                text.Append(buffer, 0, read);
            }
            return text.ToString();
        }
        catch (FormatException e)
        {
            throw new InvalidDataException("drift_reports.content: compressed content is not base64", e);
        }
    }

    /// <summary>The JSON <paramref name="stored"/> holds, or null when compressed content cannot be read back (<see cref="Expand(string)"/>'s refusals).</summary>
    public static string? TryExpand(string stored)
    {
        try
        {
            return Expand(stored);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
