using PolicyEngine.Matching;
using PolicyEngine.Model;

namespace PolicyEngine.Evaluation;

/// <summary>What the statements that apply to a request add up to, policy type by policy type.</summary>
internal struct Tally
{
    /// <summary>Some applicable statement denies.</summary>
    public bool Deny;

    /// <summary>Some identity-based statement allows.</summary>
    public bool Identity;

    /// <summary>The permissions boundary allows.</summary>
    public bool Boundary;

    /// <summary>The session policy allows.</summary>
    public bool Session;

    /// <summary>Bit <c>i</c> set: SCP level <c>i</c> allows.</summary>
    public ulong ServiceControlLevels;

    /// <summary>The ways the resource policy's allowing statements name the caller.</summary>
    public PrincipalMatch Resource;

    /// <summary>The ways the access point policy's allowing statements name the caller.</summary>
    public PrincipalMatch AccessPoint;

    /// <summary>The VPC endpoint policy allows.</summary>
    public bool VpcEndpoint;

    /// <summary>The ways the S3 ACL grants that apply name the caller.</summary>
    public PrincipalMatch Acl;

    /// <summary>Whether an Allow of <paramref name="statement"/>'s kind could still change the tally.</summary>
    public readonly bool Needs(CompiledStatement statement) => statement.Type switch
    {
        PolicyType.Identity => !Identity,
        PolicyType.PermissionsBoundary => !Boundary,
        PolicyType.Session => !Session,
        PolicyType.ServiceControl => (ServiceControlLevels & (1UL << statement.Level)) == 0,
        PolicyType.Resource => (Resource & PrincipalMatch.Direct) == 0,
        PolicyType.AccessPoint => (AccessPoint & PrincipalMatch.Direct) == 0,
        PolicyType.VpcEndpoint => !VpcEndpoint,
        PolicyType.AccessControlList => (Acl & PrincipalMatch.Direct) == 0,
        _ => false,
    };

    /// <summary>Counts a statement that applies, naming the caller as <paramref name="match"/>.</summary>
    public void Add(CompiledStatement statement, PrincipalMatch match)
    {
        if (statement.Effect == Effect.Deny)
        {
            Deny = true;
            return;
        }
        switch (statement.Type)
        {
            case PolicyType.Identity:
                Identity = true;
                break;
            case PolicyType.PermissionsBoundary:
                Boundary = true;
                break;
            case PolicyType.Session:
                Session = true;
                break;
            case PolicyType.ServiceControl:
                ServiceControlLevels |= 1UL << statement.Level;
                break;
            case PolicyType.Resource:
                Resource |= match;
                break;
            case PolicyType.AccessPoint:
                AccessPoint |= match;
                break;
            case PolicyType.VpcEndpoint:
                VpcEndpoint = true;
                break;
            case PolicyType.AccessControlList:
                Acl |= match;
                break;
            default:
                break;
        }
    }
}
