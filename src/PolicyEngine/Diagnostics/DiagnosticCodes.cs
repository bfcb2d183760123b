namespace PolicyEngine.Diagnostics;

/// <summary>
/// The stable codes of every diagnostic. A code never changes meaning once shipped: tools and suppressions key on it.
/// </summary>
/// <remarks>
/// IAM0xxx: the JSON text; IAM1xxx: the policy grammar every kind shares; IAM2xxx: rules AWS enforces for a kind of
/// policy (an error there means AWS refuses the document); IAM3xxx: checks against the action catalogue;
/// IAM4xxx: security and quality findings on documents AWS accepts.
/// </remarks>
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

    /// <summary>A Principal or NotPrincipal in a kind of policy that has none (identity, boundary, session, SCP).</summary>
    public const string PrincipalNotAllowed = "IAM2001";

    /// <summary>A resource-based or trust policy statement without Principal or NotPrincipal.</summary>
    public const string MissingPrincipal = "IAM2002";

    /// <summary>An RCP statement whose Principal is not <c>"*"</c>.</summary>
    public const string RcpPrincipalNotWildcard = "IAM2003";

    /// <summary>An RCP statement with Effect Allow (only AWS's RCPFullAWSAccess may allow).</summary>
    public const string RcpAllowNotSupported = "IAM2004";

    /// <summary>An RCP action of a service that RCPs do not apply to.</summary>
    public const string RcpServiceNotSupported = "IAM2005";

    /// <summary>An element the kind of policy does not support (NotAction in an RCP, Resource in a trust policy, ...).</summary>
    public const string UnsupportedElement = "IAM2006";

    /// <summary>A trust policy action that is not one of the role-assumption actions.</summary>
    public const string InvalidTrustAction = "IAM2007";

    /// <summary>A statement without Resource or NotResource where the kind requires one.</summary>
    public const string MissingResource = "IAM2008";

    /// <summary>A Sid with characters other than ASCII letters and digits in an IAM policy.</summary>
    public const string InvalidSid = "IAM2009";

    /// <summary>A document larger than its kind's size quota.</summary>
    public const string PolicyTooLarge = "IAM2010";

    /// <summary>An SCP or RCP without <c>"Version": "2012-10-17"</c>.</summary>
    public const string VersionRequired = "IAM2011";

    /// <summary>A character IAM does not accept in policy documents (outside tab, line feed, carriage return and U+0020–U+00FF).</summary>
    public const string InvalidCharacter = "IAM2012";

    /// <summary>An action that is neither <c>*</c> nor <c>service:action</c>.</summary>
    public const string InvalidActionFormat = "IAM2013";

    /// <summary>A resource that is neither <c>*</c> nor an ARN <c>arn:partition:service:region:account:resource</c>.</summary>
    public const string InvalidArn = "IAM2014";

    /// <summary>An S3 access point policy names a resource that is not an access point ARN.</summary>
    public const string AccessPointResourceRequired = "IAM2015";

    /// <summary>A VPC endpoint policy condition with a wildcard or a numeric operator on a key holding a system-generated identifier.</summary>
    public const string EndpointIdentifierKeyPattern = "IAM2016";

    /// <summary>A VPC endpoint policy string condition value with fewer than six characters before and after a wildcard.</summary>
    public const string EndpointWildcardTooShort = "IAM2017";

    /// <summary>A VPC endpoint policy ARN whose account part mixes an account id and a wildcard.</summary>
    public const string EndpointArnAccountMixed = "IAM2018";

    /// <summary>An action whose service prefix the catalogue does not know.</summary>
    public const string UnknownService = "IAM3001";

    /// <summary>An action the catalogue does not know in a known service.</summary>
    public const string UnknownAction = "IAM3002";

    /// <summary>An action pattern with wildcards that matches no action.</summary>
    public const string ActionPatternMatchesNothing = "IAM3003";

    /// <summary>An action that supports none of the statement's resources.</summary>
    public const string UnsupportedResourceType = "IAM3004";

    /// <summary>A condition key none of the statement's actions supports.</summary>
    public const string UnsupportedConditionKey = "IAM3005";

    /// <summary>A service condition key the catalogue does not know.</summary>
    public const string UnknownConditionKey = "IAM3006";

    /// <summary>An <c>aws:</c> condition key that is not a global condition key.</summary>
    public const string UnknownGlobalConditionKey = "IAM3007";

    /// <summary><c>Allow</c> with <c>NotAction</c>: grants every action but a few, including future ones.</summary>
    public const string AllowWithNotAction = "IAM4001";

    /// <summary><c>Allow</c> with <c>NotResource</c>: grants on every resource but a few.</summary>
    public const string AllowWithNotResource = "IAM4002";

    /// <summary><c>Allow</c> with <c>NotPrincipal</c>: grants to every principal but a few, anonymous ones included.</summary>
    public const string AllowWithNotPrincipal = "IAM4003";

    /// <summary><c>iam:PassRole</c> allowed on every role.</summary>
    public const string PassRoleOnAnyResource = "IAM4004";

    /// <summary>An action another action pattern of the same statement already covers.</summary>
    public const string RedundantAction = "IAM4005";

    /// <summary>A statement another statement of the same policy already covers.</summary>
    public const string RedundantStatement = "IAM4006";

    /// <summary>No Version element: the document is read as 2008-10-17.</summary>
    public const string MissingVersion = "IAM4007";

    /// <summary>Policy variables in a document whose version does not substitute them.</summary>
    public const string PolicyVariableWithoutVersion = "IAM4008";

    /// <summary>
    /// A condition value its operator cannot read (a non-IP for IpAddress, a non-date for Date...), so the clause never
    /// matches; reported for exactly the values the evaluator cannot read.
    /// </summary>
    public const string ConditionValueTypeMismatch = "IAM4009";

    /// <summary>
    /// <c>ForAnyValue</c> with an <c>...IfExists</c> operator: when the key is absent the condition is false all the same,
    /// so the suffix has no effect.
    /// </summary>
    public const string IfExistsUnderForAnyValue = "IAM4010";
}
