namespace PolicyEngine.Matching;

/// <summary>
/// The calling principal, read once from its ARN: its kind, account, and for roles the role's name and ARN.
/// </summary>
/// <remarks>
/// Reading never fails: text that is not a recognised ARN gives <see cref="CallerKind.Unknown"/>.
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns
/// </remarks>
internal sealed class CallerIdentity
{
    private const string ServiceLinkedRolePath = "/aws-service-role/";

    private CallerIdentity(string arn, CallerKind kind, string account, string partition, string name, string? roleArn, bool serviceLinked)
    {
        Arn = arn;
        Kind = kind;
        Account = account;
        Partition = partition;
        Name = name;
        RoleArn = roleArn;
        IsServiceLinkedRole = serviceLinked;
    }

    /// <summary>The ARN as given.</summary>
    public string Arn { get; }

    /// <summary>What kind of principal it is.</summary>
    public CallerKind Kind { get; }

    /// <summary>The 12-digit account, or empty when the ARN names none.</summary>
    public string Account { get; }

    /// <summary>The partition (<c>aws</c>, <c>aws-cn</c>, ...), or <c>aws</c> when unknown.</summary>
    public string Partition { get; }

    /// <summary>The user's, role's or federated user's name (for sessions: the role's name).</summary>
    public string Name { get; }

    /// <summary>For roles and role sessions: the role's IAM ARN (for a session, without the path the STS ARN omits).</summary>
    public string? RoleArn { get; }

    /// <summary>True for roles under <c>/aws-service-role/</c>, which SCPs and RCPs do not restrict.</summary>
    public bool IsServiceLinkedRole { get; }

    /// <summary>The value AWS gives <c>aws:PrincipalArn</c>: the role's ARN for a session, else the caller's ARN.</summary>
    public string PrincipalArn => Kind == CallerKind.AssumedRole ? RoleArn! : Arn;

    /// <summary>Reads <paramref name="arn"/>.</summary>
    public static CallerIdentity Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        // Model.Arn: within this class, Arn is the property.
        if (!Model.Arn.TryParse(arn, out var parsed))
        {
            var isService = arn.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase);
            return new CallerIdentity(arn, isService ? CallerKind.Service : CallerKind.Unknown, string.Empty, "aws", arn, null, false);
        }
        var (partition, service, account, resource) = (parsed.Partition, parsed.Service, parsed.Account, parsed.Resource);
        if (service == "iam" && resource == "root")
        {
            return new CallerIdentity(arn, CallerKind.Root, account, partition, string.Empty, null, false);
        }
        if (service == "iam" && resource.StartsWith("user/", StringComparison.Ordinal))
        {
            return new CallerIdentity(arn, CallerKind.User, account, partition, LastSegment(resource), null, false);
        }
        if (service == "iam" && resource.StartsWith("role/", StringComparison.Ordinal))
        {
            var serviceLinked = resource.AsSpan(4).StartsWith(ServiceLinkedRolePath, StringComparison.Ordinal);
            return new CallerIdentity(arn, CallerKind.Role, account, partition, LastSegment(resource), arn, serviceLinked);
        }
        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var rest = resource["assumed-role/".Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var role = slash < 0 ? rest : rest[..slash];
            return new CallerIdentity(arn, CallerKind.AssumedRole, account, partition, role, $"arn:{partition}:iam::{account}:role/{role}", false);
        }
        if (service == "sts" && resource.StartsWith("federated-user/", StringComparison.Ordinal))
        {
            return new CallerIdentity(arn, CallerKind.FederatedUser, account, partition, resource["federated-user/".Length..], null, false);
        }
        return new CallerIdentity(arn, CallerKind.Unknown, account, partition, string.Empty, null, false);
    }

    private static string LastSegment(string resource) => resource[(resource.LastIndexOf('/') + 1)..];
}
