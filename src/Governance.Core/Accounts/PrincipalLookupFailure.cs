namespace Governance.Core.Accounts;

/// <summary>Why a principal name did not resolve: the caller fixes each differently.</summary>
public enum PrincipalLookupFailure
{
    /// <summary>No principal has the name; the candidates are names a typo away.</summary>
    NotFound,

    /// <summary>Several principals have the name (a user and a role, say); the candidates are all of them.</summary>
    Ambiguous,

    /// <summary>The text is not a principal name at all (<c>group/x</c>, say).</summary>
    Malformed,
}
