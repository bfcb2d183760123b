using System.Text.Json.Serialization;
using Governance.Core.AuditTrail;

namespace Governance.Api.Contracts;

/// <summary>
/// A stored JSON text shown as a JSON value, written verbatim (<see cref="AuditStateText"/>): the raw text of the value
/// in the answer is the stored text, byte for byte.
/// </summary>
/// <param name="Text">The stored text.</param>
[JsonConverter(typeof(StoredJsonConverter))]
public sealed record StoredJson(string Text)
{
    /// <summary>The value for <paramref name="text"/>, or null for no text.</summary>
    public static StoredJson? Of(string? text) => text is null ? null : new(text);
}
