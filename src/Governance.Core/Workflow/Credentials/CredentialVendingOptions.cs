namespace Governance.Core.Workflow.Credentials;

/// <summary>The <c>Governance:Aws:Sts</c> configuration section: short-lived credentials for approved grants.</summary>
public sealed class CredentialVendingOptions
{
    /// <summary>The section's path.</summary>
    public const string Section = "Governance:Aws:Sts";

    /// <summary>The key that turns credential vending on.</summary>
    public const string EnabledKey = Section + ":Enabled";

    /// <summary>The key of <see cref="MaxSessionSeconds"/>.</summary>
    public const string MaxSessionSecondsKey = Section + ":MaxSessionSeconds";

    /// <summary>Whether the service calls STS <c>AssumeRole</c> for grants' requesters; off on the embedded defaults,
    /// which have no AWS account behind them.</summary>
    public bool Enabled { get; set; }

    /// <summary>The longest session issued, in seconds: the target roles' maximum session duration (IAM's default is
    /// 3600; a role may allow up to 43200). STS refuses a longer <c>DurationSeconds</c> than the role allows.</summary>
    public int MaxSessionSeconds { get; set; } = 3600;

    /// <summary>Checks the values, naming the key of a wrong one.</summary>
    /// <returns>The problem, or null when the values are usable.</returns>
    public string? Validate()
        => MaxSessionSeconds is < GrantSession.MinDurationSeconds or > GrantSession.MaxDurationSeconds
            ? $"{MaxSessionSecondsKey} must be from {GrantSession.MinDurationSeconds} to {GrantSession.MaxDurationSeconds} seconds, not {MaxSessionSeconds}"
            : null;
}
