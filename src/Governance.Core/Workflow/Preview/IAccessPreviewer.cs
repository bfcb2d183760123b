namespace Governance.Core.Workflow.Preview;

/// <summary>Computes what a request would add to its target role and the risks that come with it.</summary>
public interface IAccessPreviewer
{
    /// <summary>Previews the grant described by <paramref name="input"/>.</summary>
    ValueTask<AccessPreview> PreviewAsync(AccessPreviewInput input, CancellationToken cancellationToken);
}
