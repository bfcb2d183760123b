namespace PolicyEngine.Model;

/// <summary>The policy language version a document declares.</summary>
public enum PolicyVersion
{
    /// <summary>No Version element: AWS reads the document as <c>2008-10-17</c>.</summary>
    Unspecified,

    /// <summary><c>2008-10-17</c>: policy variables are literal text.</summary>
    Version2008,

    /// <summary><c>2012-10-17</c>: the current language, with policy variables.</summary>
    Version2012,
}
