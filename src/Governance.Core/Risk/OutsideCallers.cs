using System.Collections.Frozen;
using Governance.Core.Accounts.Organization;
using Governance.Core.Accounts.Questions;
using PolicyEngine.Analysis;
using PolicyEngine.Evaluation;
using PolicyEngine.Model;

namespace Governance.Core.Risk;

/// <summary>
/// The callers outside the organisation a resource policy is asked about: anyone, every outside account, principal and
/// organisation the policy names, and every AWS service it names acting for another account; each with the request keys
/// AWS would give its requests.
/// </summary>
/// <remarks>
/// <para>
/// Reading the policy only picks whom to ask; whether each may act is decided by the engine. The keys a caller supplies
/// are facts about who and where it is. Any other key a grant needs (MFA, TLS, tags, <c>kms:ViaService</c>,
/// <c>sts:ExternalId</c>) is one the caller can arrange, so a grant that needs only such keys still counts, naming them.
/// </para>
/// <para>
/// "Public" follows S3's definition (The meaning of "public", S3 User Guide; PublicAccessBlockConfiguration in the S3 API
/// reference): a grant is not public when it is limited to fixed values of the principal, <c>aws:SourceIp</c> CIDRs,
/// <c>aws:SourceArn</c>, <c>aws:SourceVpc</c>, <c>aws:SourceVpce</c>, <c>aws:SourceOwner</c>, <c>aws:SourceAccount</c>,
/// <c>s3:x-amz-server-side-encryption-aws-kms-key-id</c> or <c>aws:userid</c>; and here also <c>aws:PrincipalOrgID</c>.
/// "Anyone" therefore carries values of its own for all of them, and a grant it gets only by matching one is not public.
/// A named outside account may well call from the network a grant names, so for it those keys are left to the
/// request and named in the finding.
/// </para>
/// </remarks>
internal sealed class OutsideCallers
{
    /// <summary>
    /// The other keys S3 counts as limiting a grant to fixed values: where a request comes from (network, VPC endpoint,
    /// access point) and the KMS key it names. Fixed values of them keep a grant from being public.
    /// </summary>
    private static readonly FrozenSet<string> PlaceKeys = new[]
    {
        "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpce", "aws:VpcSourceIp", "aws:SourceVpcArn",
        "s3:x-amz-server-side-encryption-aws-kms-key-id", "s3:DataAccessPointArn", "s3:DataAccessPointAccount",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const string ProbeRole = "iamgov-outside-probe";
    private const string OtherOrganization = "o-iamgovoutside0";

    /// <summary>An account id no organisation has: the stand-in for "anyone".</summary>
    private const string AnyoneAccount = "000000000000";

    private readonly OrganizationSnapshot _snapshot;

    public OutsideCallers(OrganizationSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>True when <paramref name="check"/> allows <paramref name="caller"/> with only keys the caller can arrange.</summary>
    public static bool Grants(OutsideCaller caller, AccessCheck check)
        => check.Verdict != AccessVerdict.Denied && !check.ConditionKeys.Any(k => Limits(caller, k));

    private static bool Limits(OutsideCaller caller, string key)
        => CallerIdentityKeys.Contains(key)
           || (caller.Reach is OutsideReach.Anyone or OutsideReach.Service && PlaceKeys.Contains(key))
           // A service sets the encryption context from the resource it acts for (CloudWatch Logs: the log group's ARN),
           // so a fixed value there pins the service to that resource as aws:SourceArn does.
           || (caller.Reach == OutsideReach.Service && key.StartsWith("kms:EncryptionContext:", StringComparison.OrdinalIgnoreCase));

    /// <summary>The callers to ask <paramref name="policy"/> about, for a resource of <paramref name="owner"/> in <paramref name="region"/>.</summary>
    /// <param name="policy">The resource's policy.</param>
    /// <param name="owner">The account that owns the resource.</param>
    /// <param name="region">The resource's region, when known: requests to it name that region.</param>
    /// <param name="withMembers">Also ask about other member accounts named as root or bare id (KMS key delegation).</param>
    /// <param name="withServices">Also ask about the AWS services the policy names, acting for another account's resource.</param>
    public IEnumerable<OutsideCaller> For(NamedPolicy policy, string owner, string? region, bool withMembers, bool withServices)
    {
        var anyone = $"arn:aws:iam::{AnyoneAccount}:role/{ProbeRole}";
        // A single account's snapshot has no organisation: outside means any other account.
        var anyoneLabel = _snapshot.Organization is null ? "anyone in another account" : "anyone outside the organisation";
        yield return new(anyone, AnyoneAccount, anyoneLabel, OutsideReach.Anyone, Context(AnyoneAccount, owner, region, OtherOrganization, anyone: true));
        // The same caller in no organisation at all: an IfExists or Null condition on aws:PrincipalOrgID may treat it otherwise.
        yield return new(anyone, AnyoneAccount, anyoneLabel, OutsideReach.Anyone, Context(AnyoneAccount, owner, region, null, anyone: true));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (withServices)
        {
            foreach (var service in Services(policy.Document).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                // A service acts for whoever configured it: with no aws:SourceAccount, aws:SourceArn or aws:SourceOrgID
                // naming ours, a resource of any account can make it act here (the confused deputy, confused-deputy.html).
                var context = Context(AnyoneAccount, owner, region, null, anyone: true).With("aws:PrincipalIsAWSService", ["true"])
                    .With("aws:PrincipalServiceName", [service]).With("aws:SourceArn", [$"arn:aws:s3:::iamgov-outside-probe-{AnyoneAccount}"])
                    .With("aws:SourceOrgID", [OtherOrganization]).With("aws:SourceOrgPaths", [$"{OtherOrganization}/r-0000/"]);
                yield return new(service, AnyoneAccount, $"the service `{service}` acting for any account", OutsideReach.Service, context);
            }
        }
        foreach (var (value, kind) in Named(policy.Document))
        {
            if (Caller(value, kind, owner, region, withMembers) is { } caller && seen.Add(caller.Label))
            {
                yield return caller;
            }
        }
    }

    private OutsideCaller? Caller(string value, NameKind kind, string owner, string? region, bool withMembers)
    {
        if (kind == NameKind.Organization)
        {
            if (value.Contains('*', StringComparison.Ordinal) || string.Equals(value, _snapshot.Organization?.Id, StringComparison.Ordinal))
            {
                return null;
            }
            const string Account = "000000000001";
            return new($"arn:aws:iam::{Account}:role/{ProbeRole}", Account, $"principals of organisation `{value}`", OutsideReach.Organization,
                Context(Account, owner, region, value, anyone: false));
        }
        string account;
        string? principal = null;
        if (value.Length == 12 && value.All(char.IsAsciiDigit))
        {
            account = value;
        }
        else if (Arn.TryParse(value, out var arn) && arn.Account.Length == 12 && arn.Account.All(char.IsAsciiDigit))
        {
            account = arn.Account;
            var wildcard = arn.Resource.AsSpan().IndexOfAny('*', '?') >= 0;
            principal = arn.Resource == "root" || wildcard ? null : value;
        }
        else
        {
            return null;
        }
        if (string.Equals(account, owner, StringComparison.Ordinal))
        {
            return null;
        }
        var member = _snapshot.IsInOrganization(account);
        if (member && (!withMembers || principal is not null))
        {
            return null;
        }
        var orgId = member ? _snapshot.Organization?.Id : null;
        var context = Context(account, owner, region, orgId, anyone: false, principalPaths: member ? OrgPaths(account) : null);
        if (principal is not null)
        {
            return new(principal, account, $"`{principal}` ({(_snapshot.Organization is null ? "another account" : "outside the organisation")})", OutsideReach.Principal, context);
        }
        var where = member ? "a member account" : _snapshot.Organization is null ? "another account" : "outside the organisation";
        return new($"arn:aws:iam::{account}:role/{ProbeRole}", account, $"account {account} ({where})",
            member ? OutsideReach.MemberAccount : OutsideReach.Account, context);
    }

    private RequestContext Context(string account, string owner, string? region, string? principalOrg, bool anyone, string? principalPaths = null)
    {
        var entries = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            // Every SDK call goes over TLS; no principal the snapshot does not hold is an AWS service.
            ["aws:SecureTransport"] = "true",
            ["aws:PrincipalIsAWSService"] = "false",
            ["kms:CallerAccount"] = account,
        };
        if (region is not null)
        {
            entries["aws:RequestedRegion"] = region;
        }
        if (principalOrg is not null)
        {
            entries["aws:PrincipalOrgID"] = principalOrg;
            entries["aws:PrincipalOrgPaths"] = principalPaths ?? $"{principalOrg}/r-0000/";
        }
        if (_snapshot.Organization is { } org && _snapshot.IsInOrganization(owner))
        {
            entries["aws:ResourceOrgID"] = org.Id;
            if (OrgPaths(owner) is { } paths)
            {
                entries["aws:ResourceOrgPaths"] = paths;
            }
        }
        if (anyone)
        {
            // Documentation addresses (RFC 5737) and ids no one owns: they match no fixed value a policy names.
            entries["aws:SourceIp"] = "203.0.113.77";
            entries["aws:SourceVpc"] = "vpc-0iamgovoutside";
            entries["aws:SourceVpce"] = "vpce-0iamgovoutside";
            entries["aws:SourceAccount"] = account;
            entries["aws:SourceOwner"] = account;
            entries["aws:userid"] = "AROAIAMGOVOUTSIDEPROBE:iamgov";
        }
        return RequestContext.Create(entries);
    }

    /// <summary><c>o-…/r-…/ou-…/</c>, the form of <c>aws:PrincipalOrgPaths</c> and <c>aws:ResourceOrgPaths</c>.</summary>
    private string? OrgPaths(string account)
    {
        if (_snapshot.Organization is not { } org)
        {
            return null;
        }
        var nodes = _snapshot.PathTo(account).Where(static n => n.Kind != PolicyTargetType.Account).Select(static n => n.Id).ToList();
        return nodes.Count == 0 ? null : $"{org.Id}/{string.Join('/', nodes)}/";
    }

    /// <summary>Every principal, account and organisation the policy's Allow statements name, in document order.</summary>
    private static IEnumerable<(string Value, NameKind Kind)> Named(PolicyDocument? document)
    {
        foreach (var statement in document?.Statements ?? [])
        {
            if (statement.Effect != Effect.Allow)
            {
                continue;
            }
            if (statement.Principal is { IsNot: false } principal)
            {
                foreach (var entry in principal.Entries.Where(static e => e.Type == PrincipalType.Aws))
                {
                    yield return (entry.Value, NameKind.Principal);
                }
            }
            foreach (var clause in statement.Conditions)
            {
                var kind = clause.Key.ToUpperInvariant() switch
                {
                    "AWS:PRINCIPALACCOUNT" or "KMS:CALLERACCOUNT" or "AWS:PRINCIPALARN" => NameKind.Principal,
                    "AWS:PRINCIPALORGID" => NameKind.Organization,
                    _ => (NameKind?)null,
                };
                if (kind is { } k && !IsNegated(clause))
                {
                    foreach (var value in clause.Values)
                    {
                        yield return (value.Value, k);
                    }
                }
            }
        }
    }

    /// <summary>The AWS service principals the policy's Allow statements name.</summary>
    private static IEnumerable<string> Services(PolicyDocument? document)
        => (document?.Statements ?? [])
            .Where(static s => s.Effect == Effect.Allow && s.Principal is { IsNot: false })
            .SelectMany(static s => s.Principal!.Entries.Where(static e => e.Type == PrincipalType.Service).Select(static e => e.Value))
            .Where(static v => v.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase));

    private static bool IsNegated(ConditionClause clause) => clause.OperatorName.Contains("Not", StringComparison.Ordinal);

    /// <summary>What a named value is read as.</summary>
    private enum NameKind
    {
        Principal,
        Organization,
    }
}
