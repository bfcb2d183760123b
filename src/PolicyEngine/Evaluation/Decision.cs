namespace PolicyEngine.Evaluation;

/// <summary>The answer to an authorization request, in AWS's three outcomes.</summary>
public enum Decision
{
    /// <summary>Some policy allows the request and nothing denies or caps it.</summary>
    Allow,

    /// <summary>A statement that applies to the request denies it; nothing can override this.</summary>
    ExplicitDeny,

    /// <summary>Nothing denies the request, but it is not allowed either (the default).</summary>
    ImplicitDeny,
}
