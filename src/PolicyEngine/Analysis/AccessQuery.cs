namespace PolicyEngine.Analysis;

/// <summary>Narrows an effective-access listing to one service, one resource, or both.</summary>
/// <param name="Service">A service prefix (<c>s3</c>); null for every service.</param>
/// <param name="Resource">
/// A resource ARN: only actions whose resource types can name it are listed, each decided on exactly this ARN; null to
/// list every action on the resource patterns the policies write.
/// </param>
public sealed record AccessQuery(string? Service = null, string? Resource = null)
{
    /// <summary>Every service, every resource pattern.</summary>
    public static AccessQuery All { get; } = new();

    /// <summary>
    /// The account that owns <see cref="Resource"/> when its ARN does not say (an S3 bucket or object); null to take it
    /// from the ARN, else the principal's. Another account than the principal's makes each decision cross-account.
    /// </summary>
    public string? ResourceAccount { get; init; }
}
