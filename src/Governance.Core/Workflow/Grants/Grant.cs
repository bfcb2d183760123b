namespace Governance.Core.Workflow.Grants;

/// <summary>Access granted by an approved request: an inline policy <c>grant-&lt;id&gt;</c> on the target role for a window.</summary>
public sealed class Grant
{
    /// <summary>For EF Core.</summary>
    private Grant()
    {
    }

    internal Grant(Guid id, Guid requestId, string requesterId, string permissionSet, string targetRoleName, string targetRoleArn,
        string policyDocument, GrantWindow window)
    {
        Id = id;
        RequestId = requestId;
        RequesterId = requesterId;
        PermissionSet = permissionSet;
        TargetRoleName = targetRoleName;
        TargetRoleArn = targetRoleArn;
        PolicyName = PolicyNameFor(id);
        PolicyDocument = policyDocument;
        StartsAt = window.Start;
        EndsAt = window.End;
        Status = GrantStatus.Active;
        ConcurrencyStamp = Guid.NewGuid();
    }

    /// <summary>Its id.</summary>
    public Guid Id { get; private set; }

    /// <summary>The request that produced it.</summary>
    public Guid RequestId { get; private set; }

    /// <summary>That request's requester.</summary>
    public string RequesterId { get; private set; } = string.Empty;

    /// <summary>The permission set granted.</summary>
    public string PermissionSet { get; private set; } = string.Empty;

    /// <summary>The role that holds it.</summary>
    public string TargetRoleName { get; private set; } = string.Empty;

    /// <summary>That role's ARN.</summary>
    public string TargetRoleArn { get; private set; } = string.Empty;

    /// <summary>The inline policy's name on the role: <c>grant-&lt;id&gt;</c>.</summary>
    public string PolicyName { get; private set; } = string.Empty;

    /// <summary>The inline policy's document, with the <c>DateLessThan</c> condition on every statement.</summary>
    public string PolicyDocument { get; private set; } = string.Empty;

    /// <summary>The window's start (stored column).</summary>
    public DateTimeOffset StartsAt { get; private set; }

    /// <summary>The window's end (stored column).</summary>
    public DateTimeOffset EndsAt { get; private set; }

    /// <summary>The active period.</summary>
    public GrantWindow Window => new(StartsAt, EndsAt);

    /// <summary>Where it stands.</summary>
    public GrantStatus Status { get; private set; }

    /// <summary>When it was revoked or marked expired.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>Who revoked it (or the service, for expiry).</summary>
    public string? EndedBy { get; private set; }

    /// <summary>The revoker's comment.</summary>
    public string? EndComment { get; private set; }

    /// <summary>Renewed on every change; EF Core checks it on update.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>The inline policy name for a grant id.</summary>
    public static string PolicyNameFor(Guid id) => $"grant-{id:D}";

    /// <summary>True when <paramref name="policyName"/> is a grant's inline policy name (<see cref="PolicyNameFor"/>).</summary>
    public static bool IsPolicyName(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        return policyName.StartsWith("grant-", StringComparison.Ordinal) && Guid.TryParseExact(policyName.AsSpan(6), "D", out _);
    }

    internal void End(GrantStatus status, string by, string? comment, DateTimeOffset at)
    {
        if (status == GrantStatus.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(status), "end with Revoked or Expired");
        }
        if (Status != GrantStatus.Active)
        {
            throw new InvalidOperationException($"grant {Id} is {Status}, not Active");
        }
        (Status, EndedBy, EndComment, EndedAt) = (status, by, comment, at);
        ConcurrencyStamp = Guid.NewGuid();
    }
}
