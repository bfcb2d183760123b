using System.Collections.Immutable;
using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>One request to authorize: who calls, which action, on which resource, with which context.</summary>
/// <remarks>
/// Built once per request and reusable: the caller's ARN is read here, and the global condition keys AWS derives from
/// the caller (<c>aws:PrincipalArn</c>, <c>aws:PrincipalAccount</c>, <c>aws:PrincipalType</c>, <c>aws:username</c>,
/// <c>aws:ResourceAccount</c>) are added to <see cref="Context"/> where the given context lacks them, never overriding it.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
/// </remarks>
public sealed class AuthorizationRequest
{
    private readonly RequestContext _givenContext;
    private readonly string _givenResourceAccount;
    private AccessPointRoute? _route;

    private AuthorizationRequest(string principal, string action, string resource, string resourceAccount, RequestContext context)
    {
        _givenContext = context;
        _givenResourceAccount = resourceAccount;
        AccessPoint = AccessPointArn.TryRead(resource);
        Principal = principal;
        Action = action;
        Resource = resource;
        Caller = CallerIdentity.Parse(principal);
        ResourceAccount = resourceAccount.Length > 0 ? resourceAccount : ResourceArnAccount(resource) ?? Caller.Account;
        var colon = action.IndexOf(':', StringComparison.Ordinal);
        ActionService = colon < 0 ? string.Empty : action[..colon];
        ActionName = colon < 0 ? action : action[(colon + 1)..];
        Context = context.WithMissing(DerivedKeys(Caller, ResourceAccount));
        IsCrossAccount = Caller.Account.Length > 0 && !string.Equals(Caller.Account, ResourceAccount, StringComparison.Ordinal);
        IsGetCallerIdentity = string.Equals(action, ServiceRules.GetCallerIdentity, StringComparison.OrdinalIgnoreCase);
        NeedsResourcePolicyAllow = (ServiceRules.TrustPolicyActions.Contains(action) && ServiceRules.IsRoleArn(resource))
            || (string.Equals(ActionService, "kms", StringComparison.OrdinalIgnoreCase) && ServiceRules.IsKmsKeyArn(resource));
        IsResourceControlService = ServiceRules.IsResourceControlService(ActionService);
    }

    /// <summary>The calling principal's ARN.</summary>
    public string Principal { get; }

    /// <summary>The action, such as <c>s3:GetObject</c>.</summary>
    public string Action { get; }

    /// <summary>The resource ARN, or <c>*</c> for actions that take no resource.</summary>
    public string Resource { get; }

    /// <summary>The account that owns the resource: as given, else from the resource ARN, else the caller's.</summary>
    public string ResourceAccount { get; }

    /// <summary>The request's condition keys, with the derived global keys added where absent.</summary>
    public RequestContext Context { get; }

    /// <summary>True when the caller's account differs from the resource's: both sides must then allow.</summary>
    public bool IsCrossAccount { get; }

    internal CallerIdentity Caller { get; }

    internal string ActionService { get; }

    internal string ActionName { get; }

    internal bool IsGetCallerIdentity { get; }

    /// <summary>A role's trust policy or a KMS key policy: the resource policy must allow, identity policies alone never do.</summary>
    internal bool NeedsResourcePolicyAllow { get; }

    internal bool IsResourceControlService { get; }

    /// <summary>The access point the resource ARN names; null when it names none.</summary>
    internal AccessPointArn? AccessPoint { get; }

    /// <summary>This request through <paramref name="accessPoint"/>; built on first use and kept while the access point stays the same.</summary>
    /// <remarks>Only for a request whose <see cref="AccessPoint"/> is set. Threads racing here build equal routes; either one is kept.</remarks>
    internal AccessPointRoute RouteThrough(AccessPoint accessPoint)
    {
        var route = _route;
        if (route is null || !ReferenceEquals(route.Owner, accessPoint))
        {
            route = AccessPointRoute.Create(this, AccessPoint!, accessPoint, _givenContext, _givenResourceAccount);
            _route = route;
        }
        return route;
    }

    /// <summary>Creates a request.</summary>
    /// <param name="principal">The caller's ARN: user, role (standing for a session of it), assumed-role session, or root.</param>
    /// <param name="action">The action, <c>service:Name</c>.</param>
    /// <param name="resource">The resource ARN, or <c>*</c>.</param>
    /// <param name="resourceAccount">The resource's owner; null to take it from the ARN, else the caller's account.</param>
    /// <param name="context">The request's condition keys; null for none.</param>
    public static AuthorizationRequest Create(string principal, string action, string resource, string? resourceAccount = null,
        RequestContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(resource);
        return new AuthorizationRequest(principal, action, resource, resourceAccount ?? string.Empty, context ?? RequestContext.Empty);
    }

    private static string? ResourceArnAccount(string resource)
        => Arn.TryParse(resource, out var arn) && arn.Account is { Length: > 0 } account ? account : null;

    private static IEnumerable<KeyValuePair<string, ImmutableArray<string>>> DerivedKeys(CallerIdentity caller, string resourceAccount)
    {
        if (caller.Kind is CallerKind.Unknown or CallerKind.Service)
        {
            yield break;
        }
        yield return KeyValuePair.Create("aws:PrincipalArn", ImmutableArray.Create(caller.PrincipalArn));
        yield return KeyValuePair.Create("aws:PrincipalAccount", ImmutableArray.Create(caller.Account));
        var type = caller.Kind switch
        {
            CallerKind.Root => "Account",
            CallerKind.User => "User",
            CallerKind.FederatedUser => "FederatedUser",
            _ => "AssumedRole",
        };
        yield return KeyValuePair.Create("aws:PrincipalType", ImmutableArray.Create(type));
        if (caller.Kind == CallerKind.User)
        {
            yield return KeyValuePair.Create("aws:username", ImmutableArray.Create(caller.Name));
        }
        if (resourceAccount.Length > 0)
        {
            yield return KeyValuePair.Create("aws:ResourceAccount", ImmutableArray.Create(resourceAccount));
        }
    }
}
