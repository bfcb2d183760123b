using System.Text;
using System.Text.Json.Nodes;

namespace Governance.Cli.Simulation;

/// <summary>
/// The AWS CLI's shorthand syntax for a structure: <c>Key=value,Key2=a,b,Key3=[c,d],Key4='quoted, with comma'</c>.
/// </summary>
/// <remarks>
/// As awscli/shorthand.py reads it: a comma-separated run of values is a list unless it has one value; a comma starts
/// the next key only where <c>name=</c> follows it; single-quoted values are taken as written, double-quoted ones take
/// backslash escapes. Nested <c>{…}</c> structures are not read: no member of ContextEntry needs one.
/// Never throws for any text.
/// </remarks>
internal static class ShorthandSyntax
{
    /// <summary>The structure <paramref name="text"/> writes, or why it cannot be read (position 1-based).</summary>
    public static (JsonObject? Value, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new Reader(text);
        var result = new JsonObject();
        while (true)
        {
            var key = reader.Key();
            if (key is null)
            {
                return (null, reader.Error);
            }
            var value = reader.Values();
            if (value is null)
            {
                return (null, reader.Error);
            }
            // A repeated key keeps its last value, as a dictionary in the AWS CLI would.
            result[key] = value;
            reader.SkipSpaces();
            if (reader.AtEnd)
            {
                return (result, null);
            }
            if (!reader.Take(','))
            {
                return (null, reader.Expected("`,`"));
            }
        }
    }

    private sealed class Reader(string text)
    {
        private int _at;

        public string? Error { get; private set; }

        public bool AtEnd => _at >= text.Length;

        public void SkipSpaces()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        public bool Take(char c)
        {
            if (_at < text.Length && text[_at] == c)
            {
                _at++;
                return true;
            }
            return false;
        }

        public string Expected(string what)
        {
            Error = AtEnd ? $"expected {what} at the end of the value" : $"expected {what} at character {_at + 1}, found `{text[_at]}`";
            return Error;
        }

        public string? Key()
        {
            SkipSpaces();
            var start = _at;
            while (_at < text.Length && IsKeyChar(text[_at]))
            {
                _at++;
            }
            var key = text[start.._at];
            SkipSpaces();
            if (key.Length == 0 || !Take('='))
            {
                Expected(key.Length == 0 ? "a name such as `ContextKeyName`" : "`=`");
                return null;
            }
            return key;
        }

        public JsonNode? Values()
        {
            SkipSpaces();
            if (Take('['))
            {
                return ExplicitList();
            }
            var values = new JsonArray();
            while (true)
            {
                var value = Value(inList: false);
                if (value is null)
                {
                    return null;
                }
                values.Add(value);
                if (!(_at < text.Length && text[_at] == ',' && !KeyFollows(_at + 1)))
                {
                    break;
                }
                _at++;
            }
            return values.Count == 1 ? JsonValue.Create(values[0]!.GetValue<string>()) : values;
        }

        private JsonArray? ExplicitList()
        {
            var values = new JsonArray();
            SkipSpaces();
            if (Take(']'))
            {
                return values;
            }
            while (true)
            {
                var value = Value(inList: true);
                if (value is null)
                {
                    return null;
                }
                values.Add(value);
                SkipSpaces();
                if (Take(']'))
                {
                    return values;
                }
                if (!Take(','))
                {
                    Expected("`,` or `]`");
                    return null;
                }
            }
        }

        private string? Value(bool inList)
        {
            SkipSpaces();
            if (_at < text.Length && text[_at] is '\'' or '"')
            {
                return Quoted(text[_at]);
            }
            var start = _at;
            while (_at < text.Length && text[_at] != ',' && !(inList && text[_at] == ']'))
            {
                _at++;
            }
            return text[start.._at].Trim();
        }

        private string? Quoted(char quote)
        {
            var opening = _at++;
            var value = new StringBuilder();
            while (_at < text.Length && text[_at] != quote)
            {
                if (quote == '"' && text[_at] == '\\' && _at + 1 < text.Length)
                {
                    _at++;
                }
                value.Append(text[_at++]);
            }
            if (!Take(quote))
            {
                Error = $"the quote `{quote}` at character {opening + 1} is not closed";
                return null;
            }
            SkipSpaces();
            return value.ToString();
        }

        /// <summary>Whether <c>name=</c> starts at <paramref name="from"/>: a comma there ends the list and starts a key.</summary>
        private bool KeyFollows(int from)
        {
            var i = from;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var start = i;
            while (i < text.Length && IsKeyChar(text[i]))
            {
                i++;
            }
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            return i > start && i < text.Length && text[i] == '=';
        }

        private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or ':' or '/';
    }
}
