using System.Collections.Immutable;

namespace PolicyEngine.Catalog;

/// <summary>A resource type a service defines, such as S3's <c>object</c>, with its ARN format.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class ResourceTypeInfo
{
    // Compiled on first use; a race only compiles the same immutable template twice.
    private ArnTemplate? _template;

    internal ResourceTypeInfo(string name, string arnFormat, ImmutableArray<ConditionKeyInfo> conditionKeys)
    {
        Name = name;
        ArnFormat = arnFormat;
        ConditionKeys = conditionKeys;
    }

    /// <summary>The resource type's name as AWS spells it, for example <c>object</c>.</summary>
    public string Name { get; }

    /// <summary>The ARN format, for example <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>.</summary>
    public string ArnFormat { get; }

    /// <summary>The condition keys that apply to resources of this type.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    /// <summary>Whether an ARN, or an ARN pattern from a policy, could name a resource of this type.</summary>
    /// <param name="arnOrPattern">A concrete ARN, or a pattern with <c>*</c>, <c>?</c> or policy variables.</param>
    /// <remarks>
    /// Each <c>${...}</c> placeholder of <see cref="ArnFormat"/> matches one or more characters; placeholders in the
    /// partition, service, region and account fields stop at <c>:</c>, and a resource part that is a single
    /// placeholder (an S3 bucket, an SQS queue) holds no <c>/</c> or <c>:</c>. A pattern matches when some ARN fits both.
    /// Comparison is case-sensitive, as IAM compares ARNs.
    /// </remarks>
    public bool Matches(string arnOrPattern)
    {
        ArgumentNullException.ThrowIfNull(arnOrPattern);
        ArnTemplate template = _template ??= ArnTemplate.Compile(ArnFormat);
        return template.Overlaps(arnOrPattern);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
