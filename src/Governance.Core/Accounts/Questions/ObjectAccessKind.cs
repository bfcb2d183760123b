namespace Governance.Core.Accounts.Questions;

/// <summary>What an <see cref="ObjectAccessQuestion"/> asks to do with an S3 object.</summary>
public enum ObjectAccessKind
{
    /// <summary>Read the object: <c>s3:GetObject</c>, and <c>kms:Decrypt</c> under SSE-KMS.</summary>
    Read,

    /// <summary>Write the object: <c>s3:PutObject</c>, and <c>kms:GenerateDataKey</c> under SSE-KMS.</summary>
    Write,
}
