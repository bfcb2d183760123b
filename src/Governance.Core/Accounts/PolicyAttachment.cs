namespace Governance.Core.Accounts;

/// <summary>A managed policy attached to a principal, or set as its permissions boundary.</summary>
/// <param name="PolicyName">The policy's name.</param>
/// <param name="PolicyArn">The policy's ARN; AWS managed policies live under <c>arn:aws:iam::aws:policy/</c>.</param>
public sealed record PolicyAttachment(string PolicyName, string PolicyArn);
