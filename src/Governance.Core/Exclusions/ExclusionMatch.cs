namespace Governance.Core.Exclusions;

/// <summary>What an exclusion matches: every field given must match the finding, and at least one is given.</summary>
/// <param name="Rule">A risk category (<c>DataExfiltration</c>), an escalation path id (<c>iam-pass-role-lambda</c>) or a drift kind (<c>UnmanagedPrincipal</c>); any case.</param>
/// <param name="Principal">
/// The principal's ARN, or a name; <c>*</c> and <c>?</c> are wildcards. A pattern without <c>:</c> is matched against
/// the name (what follows the ARN's last <c>/</c>, or <c>scp/NAME</c>'s NAME) and the ARN's resource part
/// (<c>role/service-role/etl-runner</c>).
/// </param>
/// <param name="Account">The 12-digit account of the principal or resource.</param>
/// <param name="Resource">A resource's or guardrail's ARN (or name) with wildcards: the resource a finding is about or acts on.</param>
/// <param name="Fingerprint">One finding's fingerprint, as the JSON reports print it.</param>
public sealed record ExclusionMatch(
    string? Rule,
    string? Principal,
    string? Account,
    string? Resource,
    string? Fingerprint)
{
    /// <summary>Whether <paramref name="target"/> has every property this match names.</summary>
    public bool Matches(ExclusionTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return (Rule is null || target.Rules.Contains(Rule, StringComparer.OrdinalIgnoreCase))
            && (Principal is null || target.Principal is { } p && WildcardName.Matches(Principal, p))
            && (Account is null || string.Equals(Account, target.Account, StringComparison.Ordinal))
            && (Resource is null || target.Resources.Any(r => WildcardName.Matches(Resource, r)))
            && (Fingerprint is null || string.Equals(Fingerprint, target.Fingerprint, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The match in one line, for reports: <c>rule `DataExfiltration`, principal `role/etl-*`</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name} `{value}`");
            }
        }
        Add("rule", Rule);
        Add("principal", Principal);
        Add("account", Account);
        Add("resource", Resource);
        Add("fingerprint", Fingerprint);
        return string.Join(", ", parts);
    }
}
