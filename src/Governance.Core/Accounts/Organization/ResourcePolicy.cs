namespace Governance.Core.Accounts.Organization;

/// <summary>The policy of a resource other than a bucket or key: a queue, topic, secret, function, Glue catalog, ...</summary>
/// <param name="Arn">The resource's ARN.</param>
/// <param name="Policy">Its resource policy.</param>
public sealed record ResourcePolicy(string Arn, PolicyText Policy);
