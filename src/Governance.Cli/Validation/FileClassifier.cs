using System.Text.Json;
using Governance.Core.Accounts.Organization;
using Governance.Core.Drift.Guardrails;
using PolicyEngine.Syntax;
using PolicyEngine.Validation;

namespace Governance.Cli.Validation;

/// <summary>
/// Tells what each file of a policies repository is, from where it stands and what it holds: SCPs and RCPs under
/// <c>guardrails/scp/</c> and <c>guardrails/rcp/</c>, role definitions under <c>roles/</c> (or wherever a
/// <c>trustPolicy</c> is), permission sets under <c>permission-sets/</c> (or wherever <c>statements</c> are), plain
/// policies (anything with a policy's keys, or one of them misspelt), and the other JSON a repository holds.
/// </summary>
/// <remarks>
/// Only a well-formed JSON object with nothing of a policy, role or permission set in it is skipped: text that cannot
/// be read, or an object with <c>"Statment"</c>, is read as what it most likely is, so that its problem is reported.
/// Never throws.
/// </remarks>
internal static class FileClassifier
{
    private static readonly JsonTextRules Lenient = new(MaxDepth: 64, AllowComments: true);

    /// <summary>Classifies a file's bytes.</summary>
    /// <param name="fullPath">The file's absolute path: its folders say what it is meant to be.</param>
    /// <param name="utf8">Its bytes.</param>
    /// <param name="named">True when the user named the file itself: a named file is never skipped.</param>
    public static FileClassification Classify(string fullPath, ReadOnlyMemory<byte> utf8, bool named)
    {
        var folders = (Path.GetDirectoryName(fullPath) ?? string.Empty).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var byFolder = folders switch
        {
            [.., "roles"] => FileKind.Role,
            [.., "permission-sets"] => FileKind.PermissionSet,
            _ => (FileKind?)null,
        };
        var guardrail = GuardrailKind(folders);
        if (utf8.Length > ReaderLimits.Default.MaxBytes || !JsonTextCheck.TryParse(utf8, Lenient, out var document, out _))
        {
            // Unreadable: read as what the folder says, so the reader of that kind reports the problem.
            return FileClassification.Read(byFolder ?? FileKind.Policy, guardrail ?? PolicyKind.Identity);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return FileClassification.Read(byFolder ?? FileKind.Policy, guardrail ?? PolicyKind.Identity);
            }
            if (root.TryGetProperty("trustPolicy", out _))
            {
                return FileClassification.Read(FileKind.Role);
            }
            if (root.TryGetProperty("statements", out _))
            {
                return FileClassification.Read(FileKind.PermissionSet);
            }
            if (root.EnumerateObject().Any(static p => LooksLikePolicyKey(p.Name)))
            {
                return FileClassification.Read(byFolder ?? FileKind.Policy, guardrail ?? PolicyKind.Identity);
            }
            if (byFolder is { } kind)
            {
                return FileClassification.Read(kind);
            }
            if (guardrail is not null || named)
            {
                return FileClassification.Read(FileKind.Policy, guardrail ?? PolicyKind.Identity);
            }
            return FileClassification.Skip(WhatItIs(root, folders));
        }
    }

    /// <summary>The kind of a plain policy under <c>guardrails/scp/</c> or <c>guardrails/rcp/</c>; null elsewhere.</summary>
    public static PolicyKind? GuardrailKind(string[] folders)
    {
        if (folders is not [.., "guardrails", var type])
        {
            return null;
        }
        return type == GuardrailKeys.Folder(OrganizationPolicyType.ServiceControlPolicy) ? PolicyKind.Scp
            : type == GuardrailKeys.Folder(OrganizationPolicyType.ResourceControlPolicy) ? PolicyKind.Rcp
            : null;
    }

    /// <summary>A policy's top-level key in any case, or a near miss of <c>Statement</c> (<c>Statment</c>, <c>Statements</c>).</summary>
    private static bool LooksLikePolicyKey(string name)
        => name.Equals("Version", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Statement", StringComparison.OrdinalIgnoreCase)
            || (name.Length is >= 6 and <= 12 && Distance(name.ToUpperInvariant(), "STATEMENT") <= 2);

    private static string WhatItIs(JsonElement root, string[] folders)
    {
        bool Has(string key) => root.TryGetProperty(key, out _);
        if (Has("Organization") || Has("Roots"))
        {
            return "an organisation snapshot, not a policy";
        }
        if (Has("UserDetailList") || Has("RoleDetailList") || Has("GroupDetailList") || Has("Policies"))
        {
            return "an account snapshot (aws iam get-account-authorization-details), not a policy";
        }
        if (Has("Buckets") || Has("Keys"))
        {
            return "an account's resources snapshot, not a policy";
        }
        if (Has("autoApprove") || Has("findings") || Has("outsiders"))
        {
            return "approval rules, not a policy";
        }
        if (folders is [.., "guardrails"] && (Has("scp") || Has("rcp")))
        {
            return "where guardrails are attached, not a policy";
        }
        return "a JSON object with no `Version` or `Statement` (a policy), `trustPolicy` (a role) or `statements` (a permission set)";
    }

    /// <summary>Levenshtein distance; the names compared are short.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
