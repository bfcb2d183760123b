using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyEngine.Syntax;

namespace Governance.Core.Exclusions;

/// <summary>
/// Reads an exclusions file (<c>policies/exclusions.json</c>): <c>{"exclusions": [{"finding": {…}, "reason", "approvedBy", "expires"}]}</c>.
/// Every problem is reported with its line and column, all of them at once; never throws for any input.
/// </summary>
/// <remarks>
/// An entry is accountable or refused: a reason, an approver and an expiry at most <see cref="MaxTermYears"/> year ahead,
/// so that each accepted risk is reviewed again at least yearly. Comments are allowed (a file reviewed as code may say
/// more than its reasons); a key given twice is refused, since which of two reasons was approved cannot be told.
/// </remarks>
public static partial class ExclusionsReader
{
    /// <summary>The largest file read; a list of reviewed findings is kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>How far ahead an expiry may be, from the day the file is read.</summary>
    public const int MaxTermYears = 1;

    /// <summary>The most entries read: beyond it the file is a baseline of everything, which exclusions are not.</summary>
    public const int MaxEntries = 10_000;

    private static readonly JsonTextRules Rules = new(MaxDepth: 8, AllowComments: true, RefuseDuplicateKeys: true);
    private static readonly string[] RootFields = ["exclusions"];
    private static readonly string[] EntryFields = ["finding", "reason", "approvedBy", "expires"];
    private static readonly string[] MatchFields = ["rule", "principal", "account", "resource", "fingerprint"];

    /// <summary>Reads <paramref name="utf8"/>, named <paramref name="source"/> in problems and warnings.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="source">The file as the user named it.</param>
    /// <param name="now">Today, for the bound on expiries; an expiry already past is not an error (it is a warning of the run).</param>
    /// <param name="knownRules">The rule ids a <c>rule</c> may name.</param>
    public static ExclusionsReadResult Read(ReadOnlyMemory<byte> utf8, string source, DateTimeOffset now, IReadOnlySet<string> knownRules)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(knownRules);
        if (utf8.Length > MaxBytes)
        {
            return Fail(new ExclusionProblem(source, 1, 1, string.Empty, $"the file is {utf8.Length} bytes; at most {MaxBytes} are read"));
        }
        if (JsonTextCheck.Check(utf8, Rules) is { } problem)
        {
            return Fail(new ExclusionProblem(source, problem.Line, problem.Column, problem.Path, problem.Message));
        }
        var text = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        var root = PositionedJson.Read(text);
        var problems = new List<ExclusionProblem>();
        var entries = new Reader(source, problems, DateOnly.FromDateTime(now.UtcDateTime), knownRules).Root(root);
        return problems.Count > 0
            ? new ExclusionsReadResult(null, [.. problems.OrderBy(static p => p.Line).ThenBy(static p => p.Column)])
            : new ExclusionsReadResult(new ExclusionSet(source, entries), []);
    }

    private static ExclusionsReadResult Fail(ExclusionProblem problem) => new(null, [problem]);

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    [GeneratedRegex("^[0-9a-fA-F]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex Fingerprint();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    private sealed class Reader(string source, List<ExclusionProblem> problems, DateOnly today, IReadOnlySet<string> knownRules)
    {
        private const int MaxTextLength = 2048;

        public ImmutableArray<Exclusion> Root(PositionedJson root)
        {
            if (root.Kind != JsonTokenType.StartObject)
            {
                Error(root, string.Empty, $"expected an object with `exclusions`, found {root.Describe()}");
                return [];
            }
            Unknown(root, string.Empty, RootFields);
            if (Field(root, "exclusions") is not { } list)
            {
                Error(root, string.Empty, "required field `exclusions` is missing (an array of entries)");
                return [];
            }
            if (list.Kind != JsonTokenType.StartArray)
            {
                Error(list, "exclusions", $"expected an array of entries, found {list.Describe()}");
                return [];
            }
            if (list.Items.Length > MaxEntries)
            {
                Error(list, "exclusions", $"{list.Items.Length} entries; at most {MaxEntries} are read");
                return [];
            }
            var entries = ImmutableArray.CreateBuilder<Exclusion>();
            for (var i = 0; i < list.Items.Length; i++)
            {
                if (Entry(list.Items[i], $"exclusions[{i}]") is { } entry)
                {
                    entries.Add(entry);
                }
            }
            return entries.ToImmutable();
        }

        private Exclusion? Entry(PositionedJson entry, string path)
        {
            if (entry.Kind != JsonTokenType.StartObject)
            {
                Error(entry, path, $"expected an entry object with `finding`, `reason`, `approvedBy` and `expires`, found {entry.Describe()}");
                return null;
            }
            var before = problems.Count;
            Unknown(entry, path, EntryFields);
            var match = Match(entry, path);
            var reason = Text(entry, "reason", path, "why the finding is accepted");
            var approvedBy = Text(entry, "approvedBy", path, "who accepted it");
            var expires = Expiry(entry, path);
            return problems.Count == before && match is not null && reason is not null && approvedBy is not null && expires is { } day
                ? new Exclusion(match, reason, approvedBy, day, source, entry.Line, entry.Column)
                : null;
        }

        private ExclusionMatch? Match(PositionedJson entry, string path)
        {
            var at = $"{path}.finding";
            if (Field(entry, "finding") is not { } finding)
            {
                Error(entry, path, "required field `finding` is missing: what the entry matches (`rule`, `principal`, `account`, `resource`, `fingerprint`)");
                return null;
            }
            if (finding.Kind != JsonTokenType.StartObject)
            {
                Error(finding, at, $"expected an object with `rule`, `principal`, `account`, `resource` or `fingerprint`, found {finding.Describe()}");
                return null;
            }
            Unknown(finding, at, MatchFields);
            var before = problems.Count;
            var rule = Optional(finding, "rule", at);
            var principal = Optional(finding, "principal", at);
            var account = Optional(finding, "account", at);
            var resource = Optional(finding, "resource", at);
            var fingerprint = Optional(finding, "fingerprint", at);
            if (rule is not null && !knownRules.Contains(rule))
            {
                var near = knownRules.Where(r => string.Equals(r, rule, StringComparison.OrdinalIgnoreCase) || Distance(r, rule) <= 2).Take(1).ToList();
                Error(Field(finding, "rule")!, $"{at}.rule", $"unknown rule `{rule}`; expected a risk category, an escalation path id or a drift kind"
                    + (near.Count == 1 ? $"; did you mean `{near[0]}`?" : string.Empty));
            }
            if (account is not null && !AccountId().IsMatch(account))
            {
                Error(Field(finding, "account")!, $"{at}.account", $"expected a 12-digit account id, found `{account}`");
            }
            if (fingerprint is not null && !Fingerprint().IsMatch(fingerprint))
            {
                Error(Field(finding, "fingerprint")!, $"{at}.fingerprint", $"expected a fingerprint of 16 hex digits as the JSON report prints it, found `{fingerprint}`");
            }
            // Said only when no field was given at all: a field given wrong has its own error.
            if (problems.Count == before && rule is null && principal is null && account is null && resource is null && fingerprint is null)
            {
                Error(finding, at, "matches every finding; name at least one of `rule`, `principal`, `account`, `resource`, `fingerprint`");
                return null;
            }
            return new ExclusionMatch(rule, principal, account, resource, fingerprint);
        }

        private DateOnly? Expiry(PositionedJson entry, string path)
        {
            var text = Text(entry, "expires", path, "the last day the exclusion holds, as YYYY-MM-DD");
            if (text is null)
            {
                return null;
            }
            var value = Field(entry, "expires")!;
            if (!IsoDate().IsMatch(text) || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Error(value, $"{path}.expires", $"expected a date as YYYY-MM-DD, found `{text}`");
                return null;
            }
            var latest = today.AddYears(MaxTermYears);
            if (day > latest)
            {
                Error(value, $"{path}.expires", string.Create(CultureInfo.InvariantCulture,
                    $"`{text}` is more than {MaxTermYears} year ahead; an accepted risk is reviewed at least yearly, so expire it by {latest:yyyy-MM-dd}"));
                return null;
            }
            return day;
        }

        private string? Text(PositionedJson parent, string name, string path, string what)
        {
            if (Field(parent, name) is not { } value)
            {
                Error(parent, path, $"required field `{name}` is missing: {what}");
                return null;
            }
            return NonEmpty(value, $"{path}.{name}");
        }

        private string? Optional(PositionedJson parent, string name, string path)
            => Field(parent, name) is { } value ? NonEmpty(value, $"{path}.{name}") : null;

        private string? NonEmpty(PositionedJson value, string path)
        {
            if (value.Kind != JsonTokenType.String || value.Text!.Trim().Length == 0)
            {
                Error(value, path, $"expected a non-empty string, found {(value.Kind == JsonTokenType.String ? "an empty one" : value.Describe())}");
                return null;
            }
            if (value.Text.Length > MaxTextLength)
            {
                Error(value, path, $"the value is {value.Text.Length} characters long; at most {MaxTextLength} are read");
                return null;
            }
            return value.Text.Trim();
        }

        private void Unknown(PositionedJson obj, string path, string[] known)
        {
            foreach (var (name, value) in obj.Properties)
            {
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    Error(value, path.Length == 0 ? name : $"{path}.{name}",
                        $"unknown field `{name}`; expected one of {string.Join(", ", known.Select(static k => $"`{k}`"))}");
                }
            }
        }

        private static PositionedJson? Field(PositionedJson obj, string name)
            => obj.Properties.Where(p => string.Equals(p.Name, name, StringComparison.Ordinal)).Select(static p => p.Value).FirstOrDefault();

        private void Error(PositionedJson at, string path, string message) => problems.Add(new ExclusionProblem(source, at.Line, at.Column, path, message));

        private static int Distance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 2)
            {
                return int.MaxValue;
            }
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                previous = current;
            }
            return previous[b.Length];
        }
    }
}
