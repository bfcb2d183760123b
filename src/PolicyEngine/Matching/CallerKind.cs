namespace PolicyEngine.Matching;

/// <summary>What kind of principal makes a request, read from its ARN.</summary>
internal enum CallerKind
{
    /// <summary>Not an ARN this engine recognises; it matches only principals written identically.</summary>
    Unknown,

    /// <summary><c>arn:aws:iam::ACCOUNT:root</c>.</summary>
    Root,

    /// <summary><c>arn:aws:iam::ACCOUNT:user/PATH/NAME</c>.</summary>
    User,

    /// <summary><c>arn:aws:iam::ACCOUNT:role/PATH/NAME</c>, standing for a session of that role whose name does not matter.</summary>
    Role,

    /// <summary><c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>.</summary>
    AssumedRole,

    /// <summary><c>arn:aws:sts::ACCOUNT:federated-user/NAME</c>.</summary>
    FederatedUser,

    /// <summary>An AWS service principal such as <c>lambda.amazonaws.com</c>.</summary>
    Service,
}
