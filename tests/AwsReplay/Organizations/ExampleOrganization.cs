namespace AwsReplay.Organizations;

/// <summary>
/// A three-account organisation built from the ids the AWS Organizations API Reference's examples use
/// (<c>o-exampleorgid</c>, <c>r-examplerootid111</c>, <c>ou-examplerootid111-exampleouid111</c>, accounts
/// <c>111111111111</c> to <c>333333333333</c>), the S3 examples' bucket names and the KMS examples' key ids.
/// </summary>
/// <remarks>
/// <code>
/// Root r-examplerootid111                 SCP FullAWSAccess, RCP RCPFullAWSAccess, RCP DenyOutsidePrincipals
///   111111111111 Management Account
///   OU Data  ...exampleouid111            SCP FullAWSAccess, SCP DenyLeaveOrganization
///     333333333333 Consumer Account
///     OU Producers ...exampleouid222      SCP FullAWSAccess
///       222222222222 Producer Account     amzn-s3-demo-bucket (eu-west-1, policy, SSE-KMS), amzn-s3-demo-bucket2
///                                         (us-east-1, nothing set but SSE-S3); keys in eu-west-1 and us-east-1;
///                                         topics lake-events and lake-alerts, queues lake-ingest (with a policy) and
///                                         lake-dead-letters (without), all in eu-west-1
/// </code>
/// </remarks>
public static class ExampleOrganization
{
    public const string OrganizationId = "o-exampleorgid";
    public const string RootId = "r-examplerootid111";
    public const string DataOu = "ou-examplerootid111-exampleouid111";
    public const string ProducersOu = "ou-examplerootid111-exampleouid222";
    public const string Management = "111111111111";
    public const string Producer = "222222222222";
    public const string Consumer = "333333333333";

    public const string LakeBucket = "amzn-s3-demo-bucket";
    public const string PlainBucket = "amzn-s3-demo-bucket2";
    public const string LakeKeyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string LakeKeyArn = "arn:aws:kms:eu-west-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    public const string AwsManagedKeyId = "0987dcba-09fe-87dc-65ba-ab0987654321";
    public const string RetiredKeyId = "mrk-1234abcd12ab34cd56ef1234567890ab";

    public const string LakeBucketPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"ConsumerReads","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:role/data-engineer"},"Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::amzn-s3-demo-bucket","arn:aws:s3:::amzn-s3-demo-bucket/*"]}]}""";
    public const string LakeKeyPolicy = """{"Version":"2012-10-17","Id":"key-default-1","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"kms:*","Resource":"*"},{"Sid":"ConsumerDecrypts","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:role/data-engineer"},"Action":"kms:Decrypt","Resource":"*"}]}""";
    public const string AwsManagedKeyPolicy = """{"Version":"2012-10-17","Id":"auto-s3-2","Statement":[{"Sid":"Allow access through S3 for all principals in the account that are authorized to use S3","Effect":"Allow","Principal":{"AWS":"*"},"Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:DescribeKey"],"Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"222222222222","kms:ViaService":"s3.eu-west-1.amazonaws.com"}}}]}""";

    public const string TopicPolicy = """{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"ConsumerSubscribes","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:root"},"Action":"SNS:Subscribe","Resource":"arn:aws:sns:eu-west-1:222222222222:lake-events"}]}""";
    public const string AlertsTopicPolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"OwnerPublishes","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"SNS:Publish","Resource":"arn:aws:sns:eu-west-1:222222222222:lake-alerts"}]}""";
    public const string QueuePolicy = """{"Version":"2012-10-17","Statement":[{"Sid":"TopicSends","Effect":"Allow","Principal":{"Service":"sns.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:eu-west-1:222222222222:lake-ingest","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:eu-west-1:222222222222:lake-events"}}}]}""";

    public const string FullAwsAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    public const string DenyLeaveOrganization = """{"Version":"2012-10-17","Statement":[{"Sid":"DenyLeave","Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""";
    public const string DenyOutsidePrincipals = """{"Version":"2012-10-17","Statement":[{"Sid":"EnforceOrgIdentities","Effect":"Deny","Principal":"*","Action":["s3:*","kms:*"],"Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-exampleorgid"},"BoolIfExists":{"aws:PrincipalIsAWSService":"false"}}}]}""";

    /// <summary>A new replay of the organisation; tests change its paging, refusals and role before installing it.</summary>
    public static OrganizationReplay Create(string region = "us-east-1") => new(OrganizationId, Management, RootId,
        [new ReplayUnit(DataOu, "Data", RootId), new ReplayUnit(ProducersOu, "Producers", DataOu)],
        [
            new ReplayAccount(Management, "Master Account", "bill@example.com", RootId, "ACTIVE", 1.481830215291E9,
                Iam(Management, "organization-admin"), [], []),
            new ReplayAccount(Producer, "Producer Account", "alice@example.com", ProducersOu, "ACTIVE", 1.481835741044E9,
                Iam(Producer, "lake-admin"),
                [
                    new ReplayBucket(LakeBucket, "eu-west-1", LakeBucketPolicy, [true, true, true, true], "BucketOwnerEnforced", "aws:kms", LakeKeyArn, true),
                    new ReplayBucket(PlainBucket, "us-east-1", null, null, null, "AES256"),
                ],
                [
                    new ReplayKey(LakeKeyId, "eu-west-1", "CUSTOMER", LakeKeyPolicy),
                    new ReplayKey(AwsManagedKeyId, "eu-west-1", "AWS", AwsManagedKeyPolicy),
                    new ReplayKey(RetiredKeyId, "us-east-1", "CUSTOMER", LakeKeyPolicy, "PendingDeletion"),
                ],
                [new ReplayTopic("lake-events", "eu-west-1", TopicPolicy), new ReplayTopic("lake-alerts", "eu-west-1", AlertsTopicPolicy)],
                [new ReplayQueue("lake-ingest", "eu-west-1", QueuePolicy), new ReplayQueue("lake-dead-letters", "eu-west-1", null)]),
            new ReplayAccount(Consumer, "Consumer Account", "juan@example.com", DataOu, "ACTIVE", 1.481835795536E9,
                Iam(Consumer, "data-engineer"), [], []),
        ],
        [
            new ReplayPolicy("p-FullAWSAccess", "FullAWSAccess", "SERVICE_CONTROL_POLICY", true, FullAwsAccess,
                [RootId, DataOu, ProducersOu, Management, Producer, Consumer]),
            new ReplayPolicy("p-examplepolicyid111", "DenyLeaveOrganization", "SERVICE_CONTROL_POLICY", false, DenyLeaveOrganization, [DataOu]),
            new ReplayPolicy("p-RCPFullAWSAccess", "RCPFullAWSAccess", "RESOURCE_CONTROL_POLICY", true, FullAwsAccess.Replace("\"Action\"", "\"Principal\":\"*\",\"Action\"", StringComparison.Ordinal),
                [RootId, DataOu, ProducersOu, Management, Producer, Consumer]),
            new ReplayPolicy("p-examplepolicyid222", "DenyOutsidePrincipals", "RESOURCE_CONTROL_POLICY", false, DenyOutsidePrincipals, [RootId]),
        ])
    { Region = region };

    /// <summary>One role per account, in the JSON of <c>aws iam get-account-authorization-details</c>.</summary>
    public static string Iam(string accountId, string roleName) => $$$"""
        {"UserDetailList":[],"GroupDetailList":[],"RoleDetailList":[{"Path":"/","RoleName":"{{{roleName}}}","RoleId":"AROA{{{accountId}}}EXAMPLE","Arn":"arn:aws:iam::{{{accountId}}}:role/{{{roleName}}}","CreateDate":"2024-03-01T09:00:00+00:00",
        "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{{accountId}}}:root"},"Action":"sts:AssumeRole"}]},
        "InstanceProfileList":[],"RolePolicyList":[{"PolicyName":"{{{roleName}}}-inline","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::amzn-s3-demo-bucket/*"}]}}],
        "AttachedManagedPolicies":[],"Tags":[]}],"Policies":[]}
        """;
}
