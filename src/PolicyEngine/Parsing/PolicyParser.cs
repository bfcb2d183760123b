using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using PolicyEngine.Diagnostics;
using PolicyEngine.Model;
using PolicyEngine.Syntax;
using PolicyEngine.Text;

namespace PolicyEngine.Parsing;

/// <summary>
/// Reads IAM policy documents into <see cref="PolicyDocument"/>s, reporting every grammar problem with its place.
/// Rules that depend on the kind of policy (identity, trust, SCP, ...) are the validator's.
/// </summary>
/// <remarks>Never throws for any input text; thread-safe.</remarks>
public static class PolicyParser
{
    private static readonly string[] TopLevelKeys = ["Version", "Id", "Statement"];

    private static readonly string[] StatementKeys =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private static readonly string[] PrincipalTypeNames = ["AWS", "Service", "Federated", "CanonicalUser"];

    /// <summary>Reads a policy from its JSON text.</summary>
    public static ParseResult<PolicyDocument> Parse(string json, ReaderLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        limits ??= ReaderLimits.Default;
        // Refuse before transcoding: a hostile string must not cost three times its size in memory first.
        if (json.Length > limits.MaxBytes)
        {
            return Fail(new Diagnostic(DiagnosticCodes.DocumentTooLarge, Severity.Error,
                $"document is {json.Length} characters; at most {limits.MaxBytes} bytes are read", SourceLocation.Root));
        }
        return Parse(Encoding.UTF8.GetBytes(json), limits);
    }

    /// <summary>Reads a policy that is already part of a larger JSON document; positions are relative to the element's text.</summary>
    public static ParseResult<PolicyDocument> Parse(JsonElement element, ReaderLimits? limits = null)
        => Parse(JsonMarshal.GetRawUtf8Value(element).ToArray(), limits); // raw bytes: GetRawText throws on invalid UTF-8

    /// <summary>Reads a policy from UTF-8 JSON (a leading byte-order mark is allowed).</summary>
    public static ParseResult<PolicyDocument> Parse(ReadOnlyMemory<byte> utf8, ReaderLimits? limits = null)
    {
        var diagnostics = new List<Diagnostic>();
        var root = JsonSyntaxReader.Read(utf8, limits ?? ReaderLimits.Default, diagnostics);
        PolicyDocument? document = null;
        if (root is SyntaxObject obj)
        {
            document = new DocumentReader(diagnostics).Read(obj, CountNonWhitespace(utf8.Span));
        }
        else if (root is not null)
        {
            diagnostics.Add(Error(DiagnosticCodes.RootNotObject, $"a policy is a JSON object, not {root.Describe()}", root.Location));
        }
        diagnostics.Sort(Diagnostic.ByPosition);
        return new ParseResult<PolicyDocument>(document, [.. diagnostics]);
    }

    private static ParseResult<PolicyDocument> Fail(Diagnostic diagnostic) => new(null, [diagnostic]);

    private static Diagnostic Error(string code, string message, SourceLocation location, string? help = null)
        => new(code, Severity.Error, message, location, help);

    /// <summary>Counts characters that are not JSON white space, as AWS's size quotas do.</summary>
    private static int CountNonWhitespace(ReadOnlySpan<byte> utf8)
    {
        var count = 0;
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') && (b & 0xC0) != 0x80)
            {
                count++;
            }
        }
        return count;
    }

    /// <summary>Walks the syntax tree of one document, collecting diagnostics.</summary>
    private sealed class DocumentReader(List<Diagnostic> diagnostics)
    {
        public PolicyDocument Read(SyntaxObject root, int characterCount)
        {
            var properties = Properties(root, TopLevelKeys, DiagnosticCodes.UnknownTopLevelKey, "top-level key");
            var version = PolicyVersion.Unspecified;
            SourceLocation? versionLocation = null;
            if (properties.TryGetValue("Version", out var versionProperty))
            {
                versionLocation = versionProperty.NameLocation;
                version = ReadVersion(versionProperty.Value);
            }
            string? id = null;
            if (properties.TryGetValue("Id", out var idProperty))
            {
                id = ReadString(idProperty.Value, "Id");
            }
            var statements = ImmutableArray<Statement>.Empty;
            if (properties.TryGetValue("Statement", out var statementProperty))
            {
                statements = ReadStatements(statementProperty.Value);
            }
            else
            {
                diagnostics.Add(Error(DiagnosticCodes.MissingStatement, "policy has no `Statement` element", root.Location));
            }
            return new PolicyDocument(version, id, statements, characterCount, versionLocation);
        }

        private PolicyVersion ReadVersion(SyntaxNode node)
        {
            switch (ReadString(node, "Version"))
            {
                case "2012-10-17":
                    return PolicyVersion.Version2012;
                case "2008-10-17":
                    return PolicyVersion.Version2008;
                case { } other:
                    diagnostics.Add(Error(DiagnosticCodes.InvalidVersion,
                        $"`{other}` is not a policy language version; expected `2012-10-17` or `2008-10-17`", node.Location));
                    break;
            }
            return PolicyVersion.Unspecified;
        }

        private ImmutableArray<Statement> ReadStatements(SyntaxNode node)
        {
            var items = node switch
            {
                SyntaxObject single => [single],
                SyntaxArray array => array.Items,
                _ => ImmutableArray<SyntaxNode>.Empty,
            };
            if (node is not (SyntaxObject or SyntaxArray))
            {
                diagnostics.Add(WrongType("Statement", "an object or an array of objects", node));
            }
            var statements = ImmutableArray.CreateBuilder<Statement>(items.Length);
            var sids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            for (var i = 0; i < items.Length; i++)
            {
                if (items[i] is not SyntaxObject statementObject)
                {
                    diagnostics.Add(WrongType($"Statement[{i}]", "an object", items[i]));
                    continue;
                }
                var statement = ReadStatement(statementObject, i, sids);
                if (statement is not null)
                {
                    statements.Add(statement);
                }
            }
            return statements.DrainToImmutable();
        }

        private Statement? ReadStatement(SyntaxObject node, int index, Dictionary<string, SourceLocation> sids)
        {
            var errorsBefore = ErrorCount();
            var properties = Properties(node, StatementKeys, DiagnosticCodes.UnknownStatementKey, "statement key");

            string? sid = null;
            if (properties.TryGetValue("Sid", out var sidProperty) && ReadString(sidProperty.Value, "Sid") is { } sidText)
            {
                sid = sidText;
                if (sid.Length > 0 && !sids.TryAdd(sid, sidProperty.Value.Location))
                {
                    diagnostics.Add(Error(DiagnosticCodes.DuplicateSid,
                        $"Sid `{sid}` is already used at line {sids[sid].Line}; Sids must be unique within a policy", sidProperty.Value.Location));
                }
            }

            var effect = ReadEffect(node, properties);
            var principal = ReadPrincipal(node, properties);
            var action = ReadNameList(node, properties, "Action", "NotAction", required: true);
            var resource = ReadNameList(node, properties, "Resource", "NotResource", required: false);
            var conditions = properties.TryGetValue("Condition", out var conditionProperty)
                ? ReadConditions(conditionProperty.Value)
                : [];

            if (ErrorCount() > errorsBefore || effect is null || action is null)
            {
                return null;
            }
            return new Statement(index, sid, effect.Value, principal,
                new ActionSpec(action.Value.IsNot, action.Value.Values, action.Value.Location),
                resource is { } r ? new ResourceSpec(r.IsNot, r.Values, r.Location) : null,
                conditions, node.Location, sidProperty?.Value.Location);
        }

        private Effect? ReadEffect(SyntaxObject node, Dictionary<string, SyntaxProperty> properties)
        {
            if (!properties.TryGetValue("Effect", out var property))
            {
                diagnostics.Add(Error(DiagnosticCodes.MissingEffect, "statement has no `Effect`; expected `Allow` or `Deny`", node.Location));
                return null;
            }
            switch (ReadString(property.Value, "Effect"))
            {
                case "Allow":
                    return Effect.Allow;
                case "Deny":
                    return Effect.Deny;
                case { } other:
                    diagnostics.Add(Error(DiagnosticCodes.InvalidEffect, $"`{other}` is not an effect; expected `Allow` or `Deny`",
                        property.Value.Location, Hint(Suggestions.Closest(other, ["Allow", "Deny"]))));
                    break;
            }
            return null;
        }

        private PrincipalSpec? ReadPrincipal(SyntaxObject node, Dictionary<string, SyntaxProperty> properties)
        {
            var property = Exclusive(properties, "Principal", "NotPrincipal", out var isNot);
            if (property is null)
            {
                return null;
            }
            var value = property.Value;
            if (value is SyntaxScalar { Kind: SyntaxKind.String } text)
            {
                if (text.Text == "*")
                {
                    return new PrincipalSpec(isNot, IsWildcard: true, [], property.NameLocation);
                }
                diagnostics.Add(Error(DiagnosticCodes.InvalidPrincipal,
                    $"`{property.Name}` as a string must be `*`; name principals in an object such as {{\"AWS\": \"{text.Text}\"}}", value.Location));
                return null;
            }
            if (value is not SyntaxObject principalObject)
            {
                diagnostics.Add(WrongType(property.Name, "`*` or an object of principal types", value));
                return null;
            }
            var entries = ImmutableArray.CreateBuilder<PrincipalEntry>();
            foreach (var (name, typeProperty) in Properties(principalObject, PrincipalTypeNames, DiagnosticCodes.UnknownPrincipalType, "principal type"))
            {
                var type = name switch
                {
                    "AWS" => PrincipalType.Aws,
                    "Service" => PrincipalType.Service,
                    "Federated" => PrincipalType.Federated,
                    _ => PrincipalType.CanonicalUser,
                };
                foreach (var item in ReadStrings(typeProperty.Value, $"{property.Name}.{name}"))
                {
                    entries.Add(new PrincipalEntry(type, item.Value, item.Location));
                }
            }
            if (entries.Count == 0 && principalObject.Properties.Length == 0)
            {
                diagnostics.Add(Error(DiagnosticCodes.EmptyList, $"`{property.Name}` names no principal", value.Location));
            }
            return new PrincipalSpec(isNot, IsWildcard: false, entries.DrainToImmutable(), property.NameLocation);
        }

        private (bool IsNot, ImmutableArray<LocatedString> Values, SourceLocation Location)? ReadNameList(
            SyntaxObject node, Dictionary<string, SyntaxProperty> properties, string name, string notName, bool required)
        {
            var property = Exclusive(properties, name, notName, out var isNot);
            if (property is null)
            {
                if (required && !properties.ContainsKey(name) && !properties.ContainsKey(notName))
                {
                    diagnostics.Add(Error(DiagnosticCodes.MissingAction, $"statement has no `{name}` or `{notName}`", node.Location));
                }
                return null;
            }
            var values = ReadStrings(property.Value, property.Name);
            if (values.IsEmpty && property.Value is SyntaxArray)
            {
                diagnostics.Add(Error(DiagnosticCodes.EmptyList, $"`{property.Name}` lists nothing", property.Value.Location));
            }
            foreach (var value in values)
            {
                if (value.Value.Length == 0)
                {
                    diagnostics.Add(Error(DiagnosticCodes.EmptyValue, $"`{property.Name}` holds an empty string", value.Location));
                }
            }
            return (isNot, values, property.NameLocation);
        }

        private ImmutableArray<ConditionClause> ReadConditions(SyntaxNode node)
        {
            if (node is not SyntaxObject block)
            {
                diagnostics.Add(WrongType("Condition", "an object of condition operators", node));
                return [];
            }
            var clauses = ImmutableArray.CreateBuilder<ConditionClause>();
            foreach (var operatorProperty in WithoutDuplicates(block))
            {
                var parsed = ConditionOperator.Parse(operatorProperty.Name);
                if (parsed.Operator is null)
                {
                    ReportBadOperator(operatorProperty, parsed);
                    continue;
                }
                if (operatorProperty.Value is not SyntaxObject keys)
                {
                    diagnostics.Add(WrongType(operatorProperty.Name, "an object of condition keys and values", operatorProperty.Value));
                    continue;
                }
                foreach (var keyProperty in WithoutDuplicates(keys))
                {
                    var values = ReadConditionValues(keyProperty);
                    clauses.Add(new ConditionClause(parsed.Operator, operatorProperty.Name, keyProperty.Name, values, keyProperty.NameLocation));
                }
            }
            return clauses.DrainToImmutable();
        }

        private void ReportBadOperator(SyntaxProperty property, ConditionOperatorParse parsed)
        {
            if (parsed.Error == ConditionOperatorParseError.UnknownQualifier)
            {
                diagnostics.Add(Error(DiagnosticCodes.UnknownConditionQualifier,
                    $"unknown condition qualifier `{parsed.Offending}`; expected `ForAllValues` or `ForAnyValue`", property.NameLocation,
                    Hint(Suggestions.Closest(parsed.Offending!, ["ForAllValues", "ForAnyValue"]))));
                return;
            }
            diagnostics.Add(Error(DiagnosticCodes.UnknownConditionOperator, $"unknown condition operator `{parsed.Offending}`",
                property.NameLocation, Hint(Suggestions.Closest(parsed.Offending!, ConditionOperator.AllNames))));
        }

        private ImmutableArray<LocatedString> ReadConditionValues(SyntaxProperty keyProperty)
        {
            var items = keyProperty.Value is SyntaxArray array ? array.Items : [keyProperty.Value];
            var values = ImmutableArray.CreateBuilder<LocatedString>(items.Length);
            foreach (var item in items)
            {
                if (item is SyntaxScalar { Kind: not SyntaxKind.Null } scalar)
                {
                    values.Add(new LocatedString(scalar.Text, scalar.Location));
                }
                else
                {
                    diagnostics.Add(Error(DiagnosticCodes.InvalidConditionValue,
                        $"condition value for `{keyProperty.Name}` is {item.Describe()}; expected a string, number or boolean, or an array of them",
                        item.Location));
                }
            }
            return values.DrainToImmutable();
        }

        /// <summary>The property named <paramref name="name"/> or <paramref name="notName"/>; both together is an error.</summary>
        private SyntaxProperty? Exclusive(Dictionary<string, SyntaxProperty> properties, string name, string notName, out bool isNot)
        {
            var positive = properties.GetValueOrDefault(name);
            var negative = properties.GetValueOrDefault(notName);
            isNot = negative is not null && positive is null;
            if (positive is not null && negative is not null)
            {
                diagnostics.Add(Error(DiagnosticCodes.ConflictingElements,
                    $"statement has both `{name}` and `{notName}`; use one of them", negative.NameLocation));
                return null;
            }
            return positive ?? negative;
        }

        private ImmutableArray<LocatedString> ReadStrings(SyntaxNode node, string element)
        {
            if (node is SyntaxScalar { Kind: SyntaxKind.String } single)
            {
                return [new LocatedString(single.Text, single.Location)];
            }
            if (node is not SyntaxArray array)
            {
                diagnostics.Add(WrongType(element, "a string or an array of strings", node));
                return [];
            }
            var values = ImmutableArray.CreateBuilder<LocatedString>(array.Items.Length);
            foreach (var item in array.Items)
            {
                if (item is SyntaxScalar { Kind: SyntaxKind.String } text)
                {
                    values.Add(new LocatedString(text.Text, text.Location));
                }
                else
                {
                    diagnostics.Add(WrongType(element, "an array of strings", item));
                }
            }
            return values.DrainToImmutable();
        }

        private string? ReadString(SyntaxNode node, string element)
        {
            if (node is SyntaxScalar { Kind: SyntaxKind.String } text)
            {
                return text.Text;
            }
            diagnostics.Add(WrongType(element, "a string", node));
            return null;
        }

        /// <summary>Indexes an object's properties by name, reporting unknown keys and duplicates (the last one wins).</summary>
        private Dictionary<string, SyntaxProperty> Properties(SyntaxObject node, string[] known, string unknownCode, string what)
        {
            var result = new Dictionary<string, SyntaxProperty>(StringComparer.Ordinal);
            foreach (var property in WithoutDuplicates(node))
            {
                if (Array.IndexOf(known, property.Name) < 0)
                {
                    diagnostics.Add(Error(unknownCode, $"unknown {what} `{property.Name}`", property.NameLocation,
                        Hint(Suggestions.Closest(property.Name, known))));
                    continue;
                }
                result[property.Name] = property;
            }
            return result;
        }

        /// <summary>An object's properties with each name once (the last, as JSON readers take it), duplicates reported.</summary>
        private List<SyntaxProperty> WithoutDuplicates(SyntaxObject node)
        {
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            var result = new List<SyntaxProperty>(node.Properties.Length);
            foreach (var property in node.Properties)
            {
                if (byName.TryGetValue(property.Name, out var earlier))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateKey, Severity.Warning,
                        $"key `{property.Name}` appears more than once in this object; only the last one is used", property.NameLocation));
                    result[earlier] = property;
                    continue;
                }
                byName[property.Name] = result.Count;
                result.Add(property);
            }
            return result;
        }

        private int ErrorCount() => diagnostics.Count(static d => d.Severity == Severity.Error);

        private static Diagnostic WrongType(string element, string expected, SyntaxNode actual)
            => Error(DiagnosticCodes.WrongType, $"`{element}` must be {expected}, not {actual.Describe()}", actual.Location);

        private static string? Hint(string? suggestion) => suggestion is null ? null : $"did you mean `{suggestion}`?";
    }
}
