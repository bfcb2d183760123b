namespace PolicyEngine.Diagnostics;

/// <summary>
/// The stable codes of every diagnostic. A code never changes meaning once shipped: tools and suppressions key on it.
/// </summary>
/// <remarks>IAM0xxx: the JSON text; IAM1xxx: the policy grammar every kind shares.</remarks>
public static class DiagnosticCodes
{
    /// <summary>The text is not valid JSON.</summary>
    public const string InvalidJson = "IAM0001";

    /// <summary>The text is larger than the reader accepts.</summary>
    public const string DocumentTooLarge = "IAM0002";

    /// <summary>Objects and arrays nest deeper than the reader accepts.</summary>
    public const string NestingTooDeep = "IAM0003";

    /// <summary>The document is not a JSON object.</summary>
    public const string RootNotObject = "IAM0004";

    /// <summary>An object names the same key twice; only the last is used.</summary>
    public const string DuplicateKey = "IAM0005";

    /// <summary>A top-level key other than Version, Id and Statement.</summary>
    public const string UnknownTopLevelKey = "IAM1001";

    /// <summary>A statement key the grammar does not define.</summary>
    public const string UnknownStatementKey = "IAM1002";

    /// <summary>A Version other than 2012-10-17 and 2008-10-17.</summary>
    public const string InvalidVersion = "IAM1003";

    /// <summary>No Statement element.</summary>
    public const string MissingStatement = "IAM1004";

    /// <summary>An element holds a value of the wrong JSON type.</summary>
    public const string WrongType = "IAM1005";

    /// <summary>A statement without Effect.</summary>
    public const string MissingEffect = "IAM1006";

    /// <summary>An Effect other than Allow and Deny.</summary>
    public const string InvalidEffect = "IAM1007";

    /// <summary>An element together with its negation (Action with NotAction, and so on).</summary>
    public const string ConflictingElements = "IAM1008";

    /// <summary>A statement without Action or NotAction.</summary>
    public const string MissingAction = "IAM1009";

    /// <summary>Two statements share a Sid.</summary>
    public const string DuplicateSid = "IAM1010";

    /// <summary>A Principal that is neither <c>"*"</c> nor an object of principal types.</summary>
    public const string InvalidPrincipal = "IAM1011";

    /// <summary>A principal type other than AWS, Service, Federated and CanonicalUser.</summary>
    public const string UnknownPrincipalType = "IAM1012";

    /// <summary>A condition operator AWS does not define.</summary>
    public const string UnknownConditionOperator = "IAM1013";

    /// <summary>A set qualifier other than ForAllValues and ForAnyValue.</summary>
    public const string UnknownConditionQualifier = "IAM1014";

    /// <summary>A condition value that is not a string, number or boolean.</summary>
    public const string InvalidConditionValue = "IAM1015";

    /// <summary>An element that must list something lists nothing.</summary>
    public const string EmptyList = "IAM1016";

    /// <summary>An empty string where a name or pattern is needed.</summary>
    public const string EmptyValue = "IAM1017";
}
