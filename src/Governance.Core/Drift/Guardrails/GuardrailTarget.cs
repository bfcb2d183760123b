using System.Diagnostics.CodeAnalysis;
using Governance.Core.Accounts.Organization;

namespace Governance.Core.Drift.Guardrails;

/// <summary>Where code attaches a guardrail, as <c>guardrails/attachments.json</c> writes it.</summary>
/// <remarks>
/// Four forms: <c>root</c>; <c>ou:Data/Producers</c>, an OU by the path of OU names from the root (names alone can
/// repeat under different parents, the path cannot); a root or OU id (<c>r-a1b2</c>, <c>ou-a1b2-f6g7h8i9</c>); or a
/// 12-digit account id. Names and paths read well in review; ids survive a rename.
/// </remarks>
public sealed record GuardrailTarget
{
    private const string OuPrefix = "ou:";

    private GuardrailTarget(string text) => Text = text;

    /// <summary>The target as written.</summary>
    public string Text { get; }

    /// <summary>Reads <paramref name="text"/>; false when it is none of the four forms.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out GuardrailTarget? target)
    {
        ArgumentNullException.ThrowIfNull(text);
        var valid = text == "root"
            || (text.StartsWith(OuPrefix, StringComparison.Ordinal) && OuNames(text).All(static n => n.Length > 0))
            || IsNodeId(text, "r-") || IsNodeId(text, "ou-")
            || (text.Length == 12 && text.All(char.IsAsciiDigit));
        target = valid ? new GuardrailTarget(text) : null;
        return valid;
    }

    /// <summary>The root, OU or account of <paramref name="organization"/> this names; null when it has none.</summary>
    public OrganizationNode? Resolve(OrganizationSnapshot organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (Text == "root")
        {
            return organization.Roots.FirstOrDefault() is { } only ? new OrganizationNode(PolicyTargetType.Root, only.Id, only.Name) : null;
        }
        if (Text.StartsWith(OuPrefix, StringComparison.Ordinal))
        {
            var parent = organization.Roots.FirstOrDefault()?.Id;
            OrganizationalUnit? unit = null;
            foreach (var name in OuNames(Text))
            {
                unit = organization.OrganizationalUnits.FirstOrDefault(u =>
                    string.Equals(u.ParentId, parent, StringComparison.Ordinal) && string.Equals(u.Name, name, StringComparison.Ordinal));
                if (unit is null)
                {
                    return null;
                }
                parent = unit.Id;
            }
            return unit is null ? null : new OrganizationNode(PolicyTargetType.OrganizationalUnit, unit.Id, unit.Name);
        }
        if (organization.Roots.FirstOrDefault(r => r.Id == Text) is { } root)
        {
            return new OrganizationNode(PolicyTargetType.Root, root.Id, root.Name);
        }
        if (organization.OrganizationalUnits.FirstOrDefault(u => u.Id == Text) is { } ou)
        {
            return new OrganizationNode(PolicyTargetType.OrganizationalUnit, ou.Id, ou.Name);
        }
        return organization.FindAccount(Text) is { } account ? new OrganizationNode(PolicyTargetType.Account, account.Id, account.Name) : null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static string[] OuNames(string text) => text[OuPrefix.Length..].Split('/');

    private static bool IsNodeId(string text, string prefix)
        => text.Length > prefix.Length && text.StartsWith(prefix, StringComparison.Ordinal)
            && text[prefix.Length..].All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
