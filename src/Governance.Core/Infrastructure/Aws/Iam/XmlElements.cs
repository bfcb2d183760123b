using System.Xml.Linq;

namespace Governance.Core.Infrastructure.Aws.Iam;

/// <summary>Namespace-blind reading of Query API answers, whose namespace differs between services and versions.</summary>
internal static class XmlElements
{
    /// <summary>The first child with this local name, or an empty element when there is none.</summary>
    public static XElement Child(this XElement parent, string name)
        => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name) ?? new XElement(name);

    /// <summary>The trimmed text of the first child with this local name, or null.</summary>
    public static string? Text(this XElement parent, string name)
        => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();
}
