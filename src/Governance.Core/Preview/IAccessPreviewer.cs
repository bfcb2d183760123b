namespace Governance.Core.Preview;

/// <summary>Computes what a request would add; the access-analysis engine will provide the full delta and findings.</summary>
public interface IAccessPreviewer
{
    /// <summary>Previews the grant described by <paramref name="input"/>.</summary>
    ValueTask<AccessPreview> PreviewAsync(AccessPreviewInput input, CancellationToken cancellationToken);
}
