namespace Governance.Core.Reports;

/// <summary>A page of AWS documentation.</summary>
/// <param name="Title">The page's title, as AWS gives it.</param>
/// <param name="Url">Its address.</param>
public sealed record DocumentationLink(string Title, string Url);
